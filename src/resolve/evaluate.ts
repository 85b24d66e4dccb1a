/**
 * Measures entity resolution on a corpus with known answers (test/fixtures/resolution-
 * expectations.json): ingests the articles in order as a curator would, answering every
 * question ingestion asks (an UnresolvedEntitiesError) from the ground truth with a resolve
 * hint, then compares every automatic decision with the truth.
 *
 *   precision  automatic "same as" decisions that were right / all automatic "same as" decisions
 *   recall     true "same as" links decided automatically and rightly / all true "same as" links
 *   asked      entities sent to the curator, and whether the truth made that necessary
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PrismaClient } from '../generated/prisma/client.js';
import { readIngestInput } from '../ingest/folder.js';
import { ingestArticle, UnresolvedEntitiesError } from '../ingest/index.js';

interface Expectation {
  article: string;
  kind: 'person' | 'organization' | 'event';
  key: string;
  sameAs: string | null;
  ambiguous?: boolean;
  distinctFrom?: string[];
  /** The fixture settles it with a resolve hint. */
  resolve?: unknown;
}

interface ExpectationFile {
  ingestionOrder: { article: string; path: string }[];
  entities: Expectation[];
}

export interface ResolutionScore {
  entities: number;
  /** Automatic decisions that an entity is a node already in the graph. */
  merged: { right: number; wrong: number };
  /** Automatic decisions that an entity is new. */
  created: { right: number; wrong: number };
  /** Entities ingestion asked a curator about, and how many of those the truth marks ambiguous. */
  asked: number;
  askedAmbiguous: number;
  /** distinctFrom pairs that ended up as one node. */
  lookAlikesMerged: number;
  precision: number;
  recall: number;
  mistakes: string[];
  /** What ingestion asked the curator, with the candidates it offered. */
  questions: string[];
  articles: { article: string; status: string; questions: number }[];
}

const ref = (article: string, key: string) => `${article}#${key}`;

export async function evaluateResolution(prisma: PrismaClient, root: string, expectationsPath: string) {
  const truth = JSON.parse(await readFile(expectationsPath, 'utf8')) as ExpectationFile;
  const byRef = new Map(truth.entities.map((e) => [ref(e.article, e.key), e]));
  const score: ResolutionScore = {
    entities: truth.entities.length,
    merged: { right: 0, wrong: 0 },
    created: { right: 0, wrong: 0 },
    asked: 0,
    askedAmbiguous: 0,
    lookAlikesMerged: 0,
    precision: 0,
    recall: 0,
    mistakes: [],
    questions: [],
    articles: [],
  };
  const asked = new Set<string>();
  /** The node each entity became: "PERSON:12". */
  const nodeOf = new Map<string, string>();
  const nodeKeyOf = new Map<string, string>();

  for (const { article, path } of truth.ingestionOrder) {
    const input = await readIngestInput(join(root, path));
    let questions = 0;
    let status: string;
    try {
      status = (await ingestArticle(prisma, input, { actor: 'evaluation' })).status;
    } catch (error) {
      if (!(error instanceof UnresolvedEntitiesError)) throw error;
      // The curator answers from the truth: the node the entity is, or "new".
      const document = structuredClone(input.annotations) as Record<string, { key: string; resolve?: unknown }[]>;
      for (const question of error.unresolved) {
        questions++;
        score.questions.push(
          `${ref(article, question.localKey)}: ${question.reason} (${question.candidates.map((c) => `${c.key} ${c.score}`).join(', ')})`,
        );
        const id = ref(article, question.localKey);
        asked.add(id);
        const sameAs = byRef.get(id)?.sameAs ?? null;
        const section = { PERSON: 'persons', ORGANIZATION: 'organizations', EVENT: 'events', COUNTRY: 'countries' }[
          question.kind
        ];
        const entity = document[section]?.find((e) => e.key === question.localKey);
        if (entity) entity.resolve = sameAs ? { key: nodeKeyOf.get(sameAs) } : 'new';
      }
      status = `${(await ingestArticle(prisma, { ...input, annotations: document }, { actor: 'evaluation' })).status} after ${questions} question(s)`;
    }
    score.articles.push({ article, status, questions });
    const rows = await prisma.resolution.findMany({
      where: { article: { key: article } },
      include: { person: true, organization: true, event: true },
    });
    for (const r of rows) {
      const node = r.person ?? r.organization ?? r.event;
      if (!node) continue;
      nodeOf.set(ref(article, r.localKey), `${r.kind}:${node.id}`);
      nodeKeyOf.set(ref(article, r.localKey), node.key);
    }
  }

  for (const e of truth.entities) {
    const id = ref(e.article, e.key);
    const mine = nodeOf.get(id);
    if (e.ambiguous || asked.has(id)) {
      if (asked.has(id)) score.asked++;
      if (asked.has(id) && e.ambiguous) score.askedAmbiguous++;
      if (!asked.has(id) && e.ambiguous && !e.resolve)
        score.mistakes.push(`${id}: ambiguous, but decided without asking`);
      if (e.resolve && e.sameAs && mine !== nodeOf.get(e.sameAs))
        score.mistakes.push(`${id}: its resolve hint was not followed`);
      continue;
    }
    const expected = e.sameAs ? nodeOf.get(e.sameAs) : null;
    const earlier = [...truth.entities]
      .slice(0, truth.entities.indexOf(e))
      .some((x) => x.kind === e.kind && nodeOf.get(ref(x.article, x.key)) === mine);
    if (e.sameAs) {
      if (mine === expected) score.merged.right++;
      else {
        score.created.wrong += earlier ? 0 : 1;
        score.merged.wrong += earlier ? 1 : 0;
        score.mistakes.push(
          `${id}: should be ${e.sameAs}${earlier ? ', merged into another node' : ', made a new node'}`,
        );
      }
    } else if (earlier) {
      score.merged.wrong++;
      score.mistakes.push(`${id}: new, but merged into an earlier node`);
    } else {
      score.created.right++;
    }
    for (const other of e.distinctFrom ?? []) {
      if (nodeOf.get(other) === mine) score.lookAlikesMerged++;
    }
  }
  const links = truth.entities.filter((e) => e.sameAs && !e.ambiguous).length;
  const mergedAll = score.merged.right + score.merged.wrong;
  score.precision = mergedAll === 0 ? 1 : score.merged.right / mergedAll;
  score.recall = links === 0 ? 1 : score.merged.right / links;
  return score;
}
