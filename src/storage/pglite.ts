/** Embedded storage: PGlite (PostgreSQL compiled to WebAssembly) with its data in a folder. */
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PrismaPGlite } from 'pglite-prisma-adapter';

/** The data folder is in use by another live process: two PGlite instances on one folder corrupt it. */
export class StorageLockedError extends Error {
  override name = 'StorageLockedError';
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `the embedded database in ${dataDir} is in use by process ${pid} (a running \`npm start\`?): ` +
        'stop it first, use another DATA_DIR, or send the work to the running service ' +
        '(e.g. `npm run ingest -- --api http://localhost:4000/graphql <folder>`)',
    );
  }
}

const LOCK_FILE = 'kg-process.lock';
/** Lock files this process holds: released on close, and all at once when the process exits. */
const held = new Set<string>();
process.once('exit', () => {
  for (const path of held) {
    try {
      unlinkSync(path);
    } catch {
      // Already gone: nothing to release.
    }
  }
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Takes the folder's lock file (this process's pid), or refuses when a live process holds
 * it; a lock left by a process that died is taken over. Released on close and at exit.
 */
function lock(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  if (held.has(path)) return () => {};
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      held.add(path);
      const release = () => {
        if (!held.delete(path)) return;
        try {
          unlinkSync(path);
        } catch {
          // Already gone: nothing to release.
        }
      };
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw new StorageLockedError(dir, pid);
      unlinkSync(path); // stale: its process is gone
    }
  }
  throw new Error(`cannot take the lock ${path}`);
}

/** Throws StorageLockedError when a live process holds the folder (a check, not a lock). */
export function assertUnlocked(dataDir: string): void {
  const dir = resolve(dataDir);
  let pid: number;
  try {
    pid = Number(readFileSync(join(dir, LOCK_FILE), 'utf8').trim());
  } catch {
    return;
  }
  if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw new StorageLockedError(dir, pid);
}

export async function openPGlite(dataDir: string): Promise<PGlite> {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const release = lock(dir);
  try {
    // pg_trgm backs case-insensitive `contains` filters with trigram indexes (as on PostgreSQL).
    const pglite = await PGlite.create({ dataDir: dir, relaxedDurability: false, extensions: { pg_trgm } });
    const close = pglite.close.bind(pglite);
    pglite.close = async () => {
      try {
        await close();
      } finally {
        release();
      }
    };
    return pglite;
  } catch (error) {
    release();
    throw error;
  }
}

export async function createPGliteAdapter(dataDir: string) {
  const pglite = await openPGlite(dataDir);
  // pglite-prisma-adapter's dispose() leaves PGlite open: close it ourselves.
  return { adapter: new PrismaPGlite(pglite), pglite, close: () => pglite.close() };
}
