/**
 * Debian's Chromium (never a downloaded browser) through playwright-core, with a fresh
 * profile. Every request to another host than the service is blocked and recorded, and so is
 * every console error or warning and uncaught page error, for the tests to assert on.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { projectRoot } from '../support/shared.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Requests to any other origin than the service's (blocked). */
  foreign: string[];
  /** Console errors and warnings, and uncaught exceptions. */
  problems: string[];
  close: () => Promise<void>;
}

export async function openBrowser(origin: string, viewport = { width: 1280, height: 800 }): Promise<Session> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  const profile = await mkdtemp(join(tmpdir(), 'kg-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: FLAGS,
    viewport,
    acceptDownloads: false,
  });
  const foreign: string[] = [];
  const problems: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        problems.push(`${message.type()}: ${message.text()} (${message.location().url})`);
      }
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.stack ?? error.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    foreign,
    problems,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A full-page screenshot in tmp/screenshots/ (git-ignored test artifacts); with
 * UPDATE_SCREENSHOTS=1 also in docs/screenshots/, for the README.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const folders = [join(projectRoot, 'tmp/screenshots')];
  if (process.env.UPDATE_SCREENSHOTS === '1') folders.push(join(projectRoot, 'docs/screenshots'));
  for (const folder of folders) {
    await mkdir(folder, { recursive: true });
    await page.screenshot({ path: join(folder, `${name}.png`), fullPage: false });
  }
}
