/**
 * `npm run bench:draft`: how long drafting takes. Start-up (loading the language model and the
 * country names, first draft) is reported apart from the steady state, measured on an article
 * of about 5,000 characters made of the synthetic dev articles' bodies (median and worst of 50).
 * A measurement, not a test: the 2-core machine is shared, so numbers vary.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const t0 = performance.now();
const { draftArticle } = await import('../src/draft/index.js');
const loaded = performance.now() - t0;

const dev = 'test/fixtures/draft-dev';
const bodies = readdirSync(dev)
  .sort()
  .map((d) =>
    readFileSync(join(dev, d, 'article.txt'), 'utf8')
      .split('\n')
      .slice(2)
      .join('\n'),
  );
let text = 'SYNTHETIC TEST ARTICLE — not news\n\nBenchmark article\n\n';
for (const body of bodies) {
  for (const paragraph of body.split('\n')) if (text.length + paragraph.length < 5_000) text += `${paragraph}\n`;
}
const input = { text, publishedOn: '2024-05-14', source: 'testwire' };

const t1 = performance.now();
draftArticle(input);
const first = performance.now() - t1;
const times: number[] = [];
for (let i = 0; i < 50; i++) {
  const t = performance.now();
  draftArticle(input);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const ms = (n: number) => `${n.toFixed(1)} ms`;
console.log(`article: ${text.length} characters`);
console.log(`start-up: modules ${ms(loaded)}, first draft ${ms(first)}`);
console.log(`after start-up: median ${ms(times[25] as number)}, worst ${ms(times.at(-1) as number)} (50 drafts)`);
