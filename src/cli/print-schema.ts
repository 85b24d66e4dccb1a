/** `npm run schema:print`: writes the printed schema to schema.graphql (committed, checked by a test). */
import { writeFileSync } from 'node:fs';
import { lexicographicSortSchema, printSchema } from 'graphql';

const { schema } = await import('../schema/index.js');
const { closeDatabase } = await import('../db.js');
writeFileSync(new URL('../../schema.graphql', import.meta.url), `${printSchema(lexicographicSortSchema(schema))}\n`);
await closeDatabase();
console.log('schema.graphql written');
