/**
 * README examples: every ```graphql block followed by a ```json block is a query and its
 * answer. `npm run docs:examples` re-runs the queries against the configured database and
 * rewrites the answers; test/readme.test.ts checks that they still hold.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export interface ReadmeExample {
  query: string;
  answer: string;
  /** Offsets of the answer's JSON text in the README. */
  answerStart: number;
  answerEnd: number;
}

const EXAMPLE = /```graphql\n([\s\S]*?)```\n\n```json\n([\s\S]*?)```/g;

export function readmeExamples(readme: string): ReadmeExample[] {
  return [...readme.matchAll(EXAMPLE)].map((match) => {
    const answerStart = (match.index ?? 0) + match[0].indexOf('```json\n') + '```json\n'.length;
    const answer = match[2] ?? '';
    return { query: match[1] ?? '', answer, answerStart, answerEnd: answerStart + answer.length };
  });
}

/** JSON with short objects and arrays on one line, as a person would lay it out. */
export function layoutJson(value: unknown, level = 0, prefix = 0): string {
  // One line, with the spaces a person would put: { "code": "KZ" }.
  const flat = JSON.stringify(value, null, 1)
    .replace(/\n\s*/g, ' ')
    .replace(/([[{]) /g, '$1')
    .replace(/ ([\]}])/g, '$1');
  if (flat.length + level * 2 + prefix <= 100 || typeof value !== 'object' || value === null) return flat;
  const pad = '  '.repeat(level + 1);
  const end = '  '.repeat(level);
  if (Array.isArray(value)) return `[\n${value.map((v) => pad + layoutJson(v, level + 1)).join(',\n')}\n${end}]`;
  const entries = Object.entries(value).map(
    ([k, v]) => `${pad}${JSON.stringify(k)}: ${layoutJson(v, level + 1, k.length + 4)}`,
  );
  return `{\n${entries.join(',\n')}\n${end}}`;
}

export async function runExample(query: string): Promise<unknown> {
  const { yoga } = await import('../src/yoga.js');
  const response = await yoga.fetch('http://readme/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return response.json();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = new URL('../README.md', import.meta.url);
  let readme = readFileSync(path, 'utf8');
  // Replace from the end so earlier offsets stay valid.
  for (const example of readmeExamples(readme).reverse()) {
    const answer = `${layoutJson(await runExample(example.query))}\n`;
    readme = readme.slice(0, example.answerStart) + answer + readme.slice(example.answerEnd);
  }
  writeFileSync(path, readme);
  const { closeDatabase } = await import('../src/db.js');
  await closeDatabase();
  console.log(`README.md: ${readmeExamples(readme).length} examples updated`);
}
