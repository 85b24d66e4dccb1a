/** `npm run seed [-- --force]`: loads the curated seed idempotently into the configured storage. */
import { AnnotationError } from '../annotations/validate.js';
import { closeDatabase, prisma } from '../db.js';
import { seedDatabase } from '../seed/index.js';

try {
  await seedDatabase(prisma, { force: process.argv.includes('--force'), log: (line) => console.log(line) });
} catch (error) {
  process.exitCode = 1;
  console.error(error instanceof AnnotationError ? error.message : `seed failed: ${(error as Error).message}`);
} finally {
  await closeDatabase();
}
