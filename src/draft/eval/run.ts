/**
 * Drafts every curated article of a folder and scores the drafts against the curation:
 * the measurement behind `npm run eval:draft` and docs/drafting.md.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readAnnotatedArticle } from '../../annotations/read.js';
import { validateAnnotation } from '../../annotations/validate.js';
import { UNRESOLVED_SPEAKER } from '../assemble.js';
import { draftArticle } from '../draft.js';
import { type ArticleScore, scoreDraft, type Tally } from './score.js';

export interface GroupResult {
  label: string;
  articles: { key: string; score: ArticleScore; ms: number }[];
  /** Curated files that failed their own validation or could not be drafted. */
  errors: string[];
}

export async function annotationPaths(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => join(folder, e.name, 'annotations.json'))
    .sort();
}

export async function evaluateFolder(label: string, folder: string): Promise<GroupResult> {
  const result: GroupResult = { label, articles: [], errors: [] };
  for (const path of await annotationPaths(folder)) {
    try {
      const { annotation: curated, text } = await readAnnotatedArticle(path);
      const started = performance.now();
      const draft = draftArticle({
        text,
        publishedOn: curated.article.publishedOn.value.padEnd(10, '-01').slice(0, 10),
        source: curated.article.source,
        key: curated.article.key,
        file: curated.article.file,
      });
      const ms = performance.now() - started;
      const checked = validateAnnotation(structuredClone(draft.document), text);
      if (!checked.ok) throw new Error(`draft invalid: ${checked.problems.map((p) => p.message).join('; ')}`);
      const flagged = new Set(
        draft.review.items
          .filter((i) => i.flagged && i.path && /^\$\.statements\[\d+\]$/.test(i.path))
          .map((i) => Number(i.path?.slice(13, -1))),
      );
      result.articles.push({
        key: curated.article.key,
        score: scoreDraft(curated, checked.annotation, draft.dates, flagged, UNRESOLVED_SPEAKER),
        ms,
      });
    } catch (error) {
      result.errors.push(`${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return result;
}

const sum = (tallies: Tally[]): Tally =>
  tallies.reduce((a, t) => ({ tp: a.tp + t.tp, fp: a.fp + t.fp, fn: a.fn + t.fn }), { tp: 0, fp: 0, fn: 0 });
const ratio = (a: number, b: number) => (b === 0 ? '–' : (a / b).toFixed(2));
const pr = (t: Tally) => `${ratio(t.tp, t.tp + t.fp)} / ${ratio(t.tp, t.tp + t.fn)}`;

/** One row per measure, one column per group: the table docs/drafting.md records. */
export function resultTable(groups: GroupResult[]): string {
  const rows: [string, (g: GroupResult) => string][] = [
    ['articles', (g) => String(g.articles.length)],
    ['country mentions P / R', (g) => pr(sum(g.articles.map((a) => a.score.countryMentions)))],
    ['countries (set) P / R', (g) => pr(sum(g.articles.map((a) => a.score.countrySet)))],
    ['persons P / R', (g) => pr(sum(g.articles.map((a) => a.score.persons)))],
    ['person mentions P / R', (g) => pr(sum(g.articles.map((a) => a.score.personMentions)))],
    ['organizations P / R', (g) => pr(sum(g.articles.map((a) => a.score.organizations)))],
    ['organization mentions P / R', (g) => pr(sum(g.articles.map((a) => a.score.organizationMentions)))],
    ['statements curated / proposed', (g) => `${total(g, 'curated')} / ${total(g, 'proposed')}`],
    ['statements exact span (of curated)', (g) => ratio(total(g, 'exactSpan'), total(g, 'curated'))],
    ['statements exact span (of proposed)', (g) => ratio(total(g, 'exactSpan'), total(g, 'proposed'))],
    ['statements right kind', (g) => ratio(total(g, 'kind'), total(g, 'curated'))],
    ['statements right speaker', (g) => ratio(total(g, 'speaker'), total(g, 'curated'))],
    ['statements right about-countries', (g) => ratio(total(g, 'about'), total(g, 'curated'))],
    ['statements right saidOn', (g) => ratio(total(g, 'saidOn'), total(g, 'curated'))],
    ['statements without speaker or flag', (g) => String(total(g, 'unflaggedWithoutSpeaker'))],
    ['dates found (of curated)', (g) => ratio(dates(g, 'found'), dates(g, 'curated'))],
    ['dates right value and precision', (g) => ratio(dates(g, 'correct'), dates(g, 'curated'))],
    ['invented days', (g) => String(dates(g, 'inventedDays'))],
    [
      'draft time per article, ms (mean)',
      (g) => (g.articles.length ? (g.articles.reduce((a, x) => a + x.ms, 0) / g.articles.length).toFixed(1) : '–'),
    ],
  ];
  const header = `| measure | ${groups.map((g) => g.label).join(' | ')} |`;
  const rule = `| --- | ${groups.map(() => '---').join(' | ')} |`;
  return [header, rule, ...rows.map(([name, f]) => `| ${name} | ${groups.map(f).join(' | ')} |`)].join('\n');
}

type StatementField = keyof ArticleScore['statements'];
const total = (g: GroupResult, field: StatementField) => g.articles.reduce((a, x) => a + x.score.statements[field], 0);
const dates = (g: GroupResult, field: keyof ArticleScore['dates']) =>
  g.articles.reduce((a, x) => a + x.score.dates[field], 0);
