/**
 * `npm run eval:draft [-- --misses] [--dir LABEL=FOLDER ...]`: drafts every curated article
 * and prints precision and recall per kind, one column per group: the seed (a training
 * example), the dev articles (synthetic, the rules were tuned on them), the formerly held-out
 * articles of test/fixtures/articles/ (scored once unseen, tuned on since), and the held-out
 * articles of test/fixtures/heldout/ (never tuned on), a column only when that folder exists.
 */
import { existsSync } from 'node:fs';
import { evaluateFolder, resultTable } from '../draft/eval/run.js';

const args = process.argv.slice(2);
const folders: [string, string][] = [
  ['seed (training)', 'seed/articles'],
  ['dev (synthetic, tuned)', 'test/fixtures/draft-dev'],
  ['dev (formerly held-out)', 'test/fixtures/articles'],
];
if (existsSync('test/fixtures/heldout')) folders.push(['held-out', 'test/fixtures/heldout']);
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--dir') {
    const [label, folder] = (args[++i] ?? '').split('=');
    if (!label || !folder) throw new Error('--dir takes LABEL=FOLDER');
    folders.push([label, folder]);
  }
}
const groups = [];
for (const [label, folder] of folders) groups.push(await evaluateFolder(label, folder));
console.log(resultTable(groups));
for (const g of groups) {
  for (const e of g.errors) console.error(`error (${g.label}): ${e}`);
  if (!args.includes('--misses')) continue;
  for (const a of g.articles) {
    if (a.score.misses.length === 0) continue;
    console.log(`\n${g.label}: ${a.key}`);
    for (const m of a.score.misses) console.log(`  - ${m}`);
  }
}
