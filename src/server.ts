/** Listens on HOST:PORT and serves the yoga instance; shuts down cleanly on SIGINT/SIGTERM. */
import { createServer } from 'node:http';
import { config } from './config.js';
import { closeDatabase, prisma, storageKind } from './db.js';
import { startLiveUpdates, stopLiveUpdates } from './live/index.js';
import { yoga } from './yoga.js';

/** Fails fast, with one line, when the database cannot be reached. */
export async function checkDatabase(): Promise<void> {
  try {
    await prisma.$queryRaw`SELECT 1`;
  } catch (error) {
    const where = config.DATABASE_URL ? new URL(config.DATABASE_URL).host : config.DATA_DIR;
    throw new Error(`cannot reach the ${storageKind} database at ${where}: ${(error as Error).message.split('\n')[0]}`);
  }
}

export async function startServer() {
  await checkDatabase();
  // Live updates connect to Redis (with REDIS_URL) in the background: serving never waits for it.
  startLiveUpdates();
  const server = createServer(yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  console.log(
    `GraphQL API on http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}/graphql (${storageKind})`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing`);
    server.close();
    server.closeAllConnections();
    await stopLiveUpdates(); // ends open subscriptions, closes the Redis connections
    await closeDatabase();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  startServer().catch(async (error: Error) => {
    console.error(`error: ${error.message}`);
    await closeDatabase().catch(() => {});
    process.exit(1);
  });
}
