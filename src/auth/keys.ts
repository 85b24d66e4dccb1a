/**
 * API keys for writes. Reads stay public; every write names a scope its key must hold:
 *   ingest   ingestion of articles
 *   curate   merges, resolution undo and the curation mutations
 *   admin    everything
 * Keys are configured in the environment as `API_KEYS`, a comma-separated list of
 * `name:scope[+scope]:sha256` entries: the key itself never appears in the configuration,
 * only its SHA-256 (hex), and a presented key is compared by hash in constant time against
 * every configured one. `npm run api-key -- <name> <scopes>` makes a key and its entry.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const SCOPES = ['ingest', 'curate', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

export interface ApiKey {
  /** Who holds it: recorded on what it writes, never the key itself. */
  name: string;
  scopes: ReadonlySet<Scope>;
  /** SHA-256 of the key. */
  hash: Buffer;
}

export type AuthState =
  | { status: 'anonymous' }
  | { status: 'invalid'; reason: string }
  | { status: 'key'; name: string; scopes: ReadonlySet<Scope> };

export const hashKey = (key: string) => createHash('sha256').update(key, 'utf8').digest();

/** A fresh random key: "kg_" and 32 random bytes, base64url. */
export const newKey = () => `kg_${randomBytes(32).toString('base64url')}`;

export function keyEntry(name: string, scopes: readonly Scope[], key: string): string {
  return `${name}:${scopes.join('+')}:${hashKey(key).toString('hex')}`;
}

/** Parses API_KEYS; a malformed entry is an error naming its position, not its content. */
export function parseApiKeys(value: string): ApiKey[] {
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const keys: ApiKey[] = [];
  for (const [i, entry] of entries.entries()) {
    const [name, scopeList, hash, ...rest] = entry.split(':');
    const where = `API_KEYS entry ${i + 1}`;
    if (rest.length > 0 || !name || !scopeList || !hash)
      throw new Error(`${where}: expected name:scope[+scope]:sha256`);
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(name))
      throw new Error(`${where}: the name may hold letters, digits, ".", "_" and "-"`);
    if (!/^[0-9a-f]{64}$/i.test(hash)) throw new Error(`${where}: the hash must be 64 hexadecimal digits (SHA-256)`);
    const scopes = scopeList.split('+');
    const unknown = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
    if (unknown.length > 0)
      throw new Error(`${where}: unknown scope ${unknown.join(', ')} (scopes: ${SCOPES.join(', ')})`);
    if (keys.some((k) => k.name === name)) throw new Error(`${where}: the name ${name} is used twice`);
    keys.push({ name, scopes: new Set(scopes as Scope[]), hash: Buffer.from(hash, 'hex') });
  }
  return keys;
}

/**
 * Who a request's Authorization header says it is. Every configured hash is compared, the
 * match or not, so the time taken says nothing about which key came close.
 */
export function authenticate(header: string | null | undefined, keys: readonly ApiKey[]): AuthState {
  if (!header) return { status: 'anonymous' };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return { status: 'invalid', reason: 'the Authorization header must be "Bearer <API key>"' };
  const presented = hashKey(match[1] as string);
  let found: ApiKey | undefined;
  for (const key of keys) if (timingSafeEqual(presented, key.hash) && !found) found = key;
  if (!found) return { status: 'invalid', reason: 'the API key is not valid' };
  return { status: 'key', name: found.name, scopes: found.scopes };
}

/** Whether `auth` may act with `scope`: admin holds every scope. */
export function grants(auth: AuthState, scope: Scope): boolean {
  return auth.status === 'key' && (auth.scopes.has(scope) || auth.scopes.has('admin'));
}

/** The name writes are recorded under. */
export const actorName = (auth: AuthState) => (auth.status === 'key' ? auth.name : 'anonymous');
