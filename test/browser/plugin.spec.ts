/**
 * How the service serves the explorer's files (no browser needed): the bundle with its
 * content types, caching and Content-Security-Policy, nothing outside it, and a 503 saying
 * what to do when it has not been built.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSchema, createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useExplorer } from '../../src/web/plugin.js';

const schema = createSchema({ typeDefs: 'type Query { ok: Boolean }' });
const serving = (dist: string) => createYoga({ schema, landingPage: false, plugins: [useExplorer(dist)] });
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'kg-web-dist-'));
  await mkdir(join(folder, 'dist/assets'), { recursive: true });
  await writeFile(join(folder, 'dist/index.html'), '<!doctype html><title>explorer</title>');
  await writeFile(join(folder, 'dist/assets/app-1234.js'), 'console.log(1)');
  await writeFile(join(folder, 'dist/favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(folder, 'secret.txt'), 'outside the bundle');
  await mkdir(join(folder, 'empty'));
});

afterAll(() => rm(folder, { recursive: true, force: true }));

describe('the explorer’s files', () => {
  it('serves the page at /explore/ (and sends /explore there), with a policy that keeps it on this origin', async () => {
    const yoga = serving(join(folder, 'dist'));
    const page = await yoga.fetch('http://kg/explore/?view=graph&id=x');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<title>explorer</title>');
    const bare = await yoga.fetch('http://kg/explore?view=path', { redirect: 'manual' });
    expect(bare.status).toBe(308);
    expect(bare.headers.get('location')).toBe('/explore/?view=path');
  });

  it('serves hashed assets for a year, the icon also as /favicon.ico, and 404 for anything else', async () => {
    const yoga = serving(join(folder, 'dist'));
    const script = await yoga.fetch('http://kg/explore/assets/app-1234.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect(await script.text()).toBe('console.log(1)');
    const icon = await yoga.fetch('http://kg/favicon.ico');
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect((await yoga.fetch('http://kg/explore/assets/missing.js')).status).toBe(404);
    expect((await yoga.fetch('http://kg/explore/..%2fsecret.txt')).status).toBe(404);
    expect((await yoga.fetch('http://kg/explore/%2e%2e%2fsecret.txt')).status).toBe(404);
    expect((await yoga.fetch('http://kg/explore/', { method: 'POST' })).status).toBe(405);
  });

  it('answers 503 with what to run when the bundle has not been built', async () => {
    const response = await serving(join(folder, 'empty')).fetch('http://kg/explore/');
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/not built: run `npm run build:web`/);
  });
});
