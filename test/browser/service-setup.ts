/**
 * Global setup of the browser tests, after test/support/global-setup.ts has built the seeded
 * PGlite template: starts one service on a copy of it for the whole run (starting PGlite costs
 * seconds; the tests only read), and hands its origin to the test files (`inject('kgService')`).
 */
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { perFileDirName, randomId, seconds } from '../support/shared.js';
import { startService } from './service.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const templates = project.getProvidedContext().kgTemplates;
  if (templates?.storage !== 'pglite') throw new Error('the browser tests run on the PGlite templates');
  const startedAt = performance.now();
  const dataDir = join(templates.root, perFileDirName, `browser-${randomId()}`);
  await cp(templates.seeded, dataDir, { recursive: true });
  const running = await startService(dataDir);
  console.log(`[browser setup] service on ${running.origin}: ${seconds(startedAt)}`);
  project.provide('kgService', running.origin);
  return async () => {
    await running.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
