# kg-news-graphql: GraphQL service on Node 20, run from TypeScript sources with tsx.
#
#   docker build -t kg-news-graphql .
#   docker run --init -p 4000:4000 -v kg-data:/app/data kg-news-graphql      # embedded PGlite
#   docker run --init -p 4000:4000 -e DATABASE_URL=postgresql://... kg-news-graphql
#
# No step downloads a binary: install scripts are skipped (they would fetch Prisma's native
# engines, which `engine: "js"` does not use) and the Prisma client is generated explicitly.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- base: shared settings ----------------------------------------------------------------
FROM ${NODE_IMAGE} AS base
WORKDIR /app
ENV CHECKPOINT_DISABLE=1 \
    PRISMA_HIDE_UPDATE_MESSAGE=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

# ---- deps: production dependencies from the lockfile (cached until the lockfile changes) ----
FROM base AS deps
COPY package.json package-lock.json ./
# tsx and the prisma CLI are production dependencies: the service runs from sources and
# applies migrations at start.
RUN npm ci --omit=dev --ignore-scripts \
 && npm cache clean --force

# ---- web: the explorer's bundle (web/dist), built with the dev dependencies (Vite) ----------
FROM base AS web
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts \
 && npm cache clean --force
COPY web ./web
RUN npm run build:web \
 && test -f web/dist/index.html

# ---- build: sources plus the generated Prisma client and Pothos types (src/generated) ----
FROM deps AS build
COPY . .
RUN npx prisma generate \
 && test -f src/generated/prisma/client.ts

# ---- runtime ------------------------------------------------------------------------------
FROM base AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    DATA_DIR=/app/data \
    PATH=/app/node_modules/.bin:$PATH

# Code stays owned by root (read-only for the service); only the data folder is writable.
COPY --from=build /app /app
# Served at /explore/ by src/web/plugin.ts.
COPY --from=web /app/web/dist /app/web/dist
RUN mkdir -p /app/data && chown node:node /app/data

USER node
# Embedded PGlite database (used when DATABASE_URL is not set).
VOLUME ["/app/data"]
EXPOSE 4000

# The slim image has no curl: Node's fetch asks the service's own /health (200 when the
# database answers). A first start runs migrations and the seed, hence the start period.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/ready', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# What `npm start` runs, without npm and tsx's wrapper process in between: node is the
# process that gets SIGTERM (use `docker run --init`, or `init: true` in compose, so that
# PID 1 reaps the migrate child process).
CMD ["node", "--import", "tsx", "src/cli/start.ts"]
