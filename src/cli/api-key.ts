/**
 * `npm run api-key -- <name> <scope[+scope]>`: makes a random API key and prints it once,
 * with the API_KEYS entry (its hash) for the service's environment. Nothing is stored.
 */
import { keyEntry, newKey, SCOPES, type Scope } from '../auth/keys.js';

const [name, scopeList] = process.argv.slice(2);
const scopes = (scopeList ?? '').split('+').filter(Boolean);
if (!name || scopes.length === 0 || scopes.some((s) => !(SCOPES as readonly string[]).includes(s))) {
  console.error(`usage: npm run api-key -- <name> <scope[+scope]>   (scopes: ${SCOPES.join(', ')})`);
  process.exit(2);
}
const key = newKey();
console.log(`key (give it to ${name}; it is shown only now):\n  ${key}`);
console.log(
  `API_KEYS entry (append to the service's API_KEYS, comma-separated):\n  ${keyEntry(name, scopes as Scope[], key)}`,
);
