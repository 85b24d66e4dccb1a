/** What a client is told when a write is refused: who it was taken for, and what it lacked. Never the key. */
import type { AuthFailure } from '@pothos/plugin-scope-auth';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { AuthState } from './keys.js';

/** The scopes a failed check asked for. */
function scopesOf(failure: AuthFailure): string[] {
  if ('failures' in failure) return failure.failures.flatMap(scopesOf);
  if ('scope' in failure) return [failure.scope];
  return [];
}

export function unauthorizedError(auth: AuthState, info: GraphQLResolveInfo, failure: AuthFailure): GraphQLError {
  const field = `${info.parentType.name}.${info.fieldName}`;
  // Admin holds every scope: name it only when nothing else would do.
  const all = [...new Set(scopesOf(failure))];
  const scopes = all.length > 1 ? all.filter((s) => s !== 'admin') : all;
  const needed = scopes.length > 0 ? `scope ${scopes.join(' or ')}` : 'a scope';
  if (auth.status === 'anonymous') {
    return new GraphQLError(
      `${field} needs an API key with ${needed}: send "Authorization: Bearer <key>"; nothing was changed`,
      {
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      },
    );
  }
  if (auth.status === 'invalid') {
    return new GraphQLError(`${field}: ${auth.reason}; nothing was changed`, {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
  return new GraphQLError(`${field}: the API key "${auth.name}" lacks ${needed}; nothing was changed`, {
    extensions: { code: 'FORBIDDEN', http: { status: 403 } },
  });
}
