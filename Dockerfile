# syntax=docker/dockerfile:1
#
# Aiuteur sync server image: one Node process serving the built client, the REST API (/api) and the
# Hocuspocus WebSocket (/collab) on one port. Used by docker-compose.yml; see docs/deployment-scaled.md.
#
#   docker build -t aiuteur/sync-server .
#   docker run -p 4700:4700 -v aiuteur-data:/data aiuteur/sync-server     # embedded SQLite in /data
#
# Node 22: @hocuspocus/server 4.x declares engines node >=22.

ARG NODE_IMAGE=node:22-bookworm-slim

# ---------------------------------------------------------------------------------------------------
# base: Node + npm 11 (package.json pins packageManager npm@11.19.1; npm 11 honours "allowScripts",
# which lets better-sqlite3 run its install script) + the toolchain for native addons.
FROM ${NODE_IMAGE} AS base
ENV TURBO_TELEMETRY_DISABLED=1 \
    DO_NOT_TRACK=1 \
    npm_config_audit=false \
    npm_config_fund=false \
    npm_config_update_notifier=false
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/* \
 && npm install -g npm@11.19.1
WORKDIR /app

# Manifests only, so dependency layers stay cached while sources change. Every workspace listed in the
# root package.json must be here, or npm sees the lock file out of step with the tree.
FROM base AS manifests
COPY package.json package-lock.json* ./
COPY shared/package.json shared/
COPY sync-server/package.json sync-server/
COPY client/package.json client/
COPY render-worker/package.json render-worker/
COPY e2e/package.json e2e/

# ---------------------------------------------------------------------------------------------------
# build: all dependencies, then compile shared, sync-server and the client bundle.
# `npm ci` falls back to `npm install`: a lock written against a registry that lacks some platform
# packages (e.g. @turbo/darwin-*) makes `npm ci` refuse it although the tree is fine for Linux.
FROM manifests AS build
RUN npm ci || npm install
COPY . .
RUN npx turbo run build --filter=@aiuteur/sync-server... --filter=@aiuteur/client... \
 && mkdir -p /out \
 && for ws in shared sync-server client render-worker; do \
      mkdir -p "/out/$ws" && cp "$ws/package.json" "/out/$ws/"; \
      if [ -d "$ws/dist" ]; then cp -R "$ws/dist" "/out/$ws/"; fi; \
    done \
 && cp package.json /out/

# ---------------------------------------------------------------------------------------------------
# prod-deps: only the sync server's runtime dependencies (workspace deps such as @aiuteur/shared are
# followed), with better-sqlite3 compiled here so the runtime image needs no compiler.
FROM manifests AS prod-deps
RUN npm ci --omit=dev --workspace @aiuteur/sync-server \
 || npm install --omit=dev --workspace @aiuteur/sync-server

# ---------------------------------------------------------------------------------------------------
# runtime: the repository layout is kept (/app/sync-server/dist, /app/client/dist, /app/shared/dist),
# so the server finds the built client and the workspace symlinks in node_modules/@aiuteur resolve.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4700 \
    DATA_DIR=/data \
    LOG_LEVEL=info
WORKDIR /app
# manifests + node_modules (the root one and any nested per-workspace ones), then the build output
COPY --from=prod-deps /app/ ./
COPY --from=build /out/ ./
# DATA_DIR holds the SQLite file and jwt-secret (embedded mode) and artifacts; owned by the node user.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 4700
# /readyz: the process is up and its storage answers. Slim images have no curl; Node has fetch.
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4700)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "sync-server/dist/main.js"]
