/**
 * API keys for tests: one per scope, known to every test file through API_KEYS (set by
 * vitest.config.ts). They are test fixtures, not secrets. A key with no write scope at all
 * cannot be configured (every entry names a scope), so "wrong scope" tests use the key of
 * another scope.
 */
import { createHash } from 'node:crypto';

export const TEST_KEYS = {
  ingest: 'kg_test_key_for_ingest_only',
  curate: 'kg_test_key_for_curate_only',
  admin: 'kg_test_key_for_admin',
} as const;

/** The API_KEYS value that configures TEST_KEYS (names: test-ingest, test-curate, test-admin). */
export function testApiKeysEnv(): string {
  return Object.entries(TEST_KEYS)
    .map(([scope, key]) => `test-${scope}:${scope}:${createHash('sha256').update(key).digest('hex')}`)
    .join(',');
}

export const bearer = (scope: keyof typeof TEST_KEYS) => ({ authorization: `Bearer ${TEST_KEYS[scope]}` });
