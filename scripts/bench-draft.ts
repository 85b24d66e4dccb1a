/**
 * `npm run bench:draft [-- --resolve]`: how long drafting takes. Start-up (loading the language
 * model and the country names, first draft) is reported apart from the steady state, measured
 * on an article of about 5,000 characters made of the synthetic dev articles' bodies (median
 * and worst of 50, wall clock and this process's CPU time, which a busy machine inflates less).
 * `--resolve` also times drafts resolved against the configured database (what
 * `draftAnnotations` does). A measurement, not a test: the 2-core machine is shared.
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
const cpu: number[] = [];
for (let i = 0; i < 50; i++) {
  const t = performance.now();
  const c = process.cpuUsage();
  draftArticle(input);
  const used = process.cpuUsage(c);
  times.push(performance.now() - t);
  cpu.push((used.user + used.system) / 1000);
}
times.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
const ms = (n: number) => `${n.toFixed(1)} ms`;
console.log(`article: ${text.length} characters`);
console.log(`start-up: modules ${ms(loaded)}, first draft ${ms(first)}`);
console.log(`after start-up: median ${ms(times[25] as number)}, worst ${ms(times.at(-1) as number)} (50 drafts)`);
console.log(`CPU time per draft: median ${ms(cpu[25] as number)}, worst ${ms(cpu.at(-1) as number)}`);

if (process.argv.includes('--resolve')) {
  const { prisma, closeDatabase } = await import('../src/db.js');
  const { graphResolver } = await import('../src/draft/graph-resolver.js');
  const { draftArticleResolved } = await import('../src/draft/index.js');
  const resolver = graphResolver(prisma);
  await draftArticleResolved(input, { resolver });
  const resolved: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await draftArticleResolved(input, { resolver });
    resolved.push(performance.now() - t);
  }
  resolved.sort((a, b) => a - b);
  console.log(
    `resolved against the graph: median ${ms(resolved[10] as number)}, worst ${ms(resolved.at(-1) as number)} (20 drafts)`,
  );
  await closeDatabase();
}
