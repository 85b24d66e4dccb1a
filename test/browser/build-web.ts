/**
 * Global setup of the browser tests: builds the front end from the sources in the tree, so the
 * tests never run against a stale web/dist/ (about 2 s).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot, seconds } from '../support/shared.js';

export default async function buildWeb(): Promise<void> {
  const startedAt = performance.now();
  await promisify(execFile)(join(projectRoot, 'node_modules/.bin/vite'), ['build', '--config', 'web/vite.config.ts'], {
    cwd: projectRoot,
  }).catch((error: { message: string; stdout?: string; stderr?: string }) => {
    throw new Error(`npm run build:web failed: ${error.message}\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
  });
  console.log(`[browser setup] web bundle built: ${seconds(startedAt)}`);
}
