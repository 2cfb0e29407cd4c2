# syntax=docker/dockerfile:1
# Sovereign in one image: the standalone Next.js server, plus just enough Prisma to apply the
# committed migrations before it starts. Build: docker build -t sovereign .

FROM node:20-bookworm-slim AS base
ENV NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
WORKDIR /app

# Dependencies first, so source edits don't reinstall them. The postinstall script generates the
# Prisma client, so it needs the schema and the script itself.
FROM base AS deps
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/postinstall.sh ./scripts/postinstall.sh
RUN npm ci --no-audit --no-fund

FROM base AS build
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/generated ./generated
COPY . .
# Every page is rendered on request, but `next build` loads the route modules, which validate the
# environment: placeholders scoped to this one command, never baked into the image.
RUN DATABASE_URL=postgresql://build@localhost/build \
    NEXTAUTH_SECRET=build-time-placeholder-never-used-at-runtime \
    npx next build

# The migration tool alone, at the versions package.json pins: the standalone server's traced
# node_modules does not include the Prisma CLI.
FROM base AS migrator
WORKDIR /migrate
COPY package.json /tmp/package.json
RUN echo '{"private":true,"type":"module"}' > package.json \
 && npm install --no-audit --no-fund --ignore-scripts $(node -p "const d = require('/tmp/package.json').dependencies; ['prisma', '@prisma/adapter-pg', 'pg'].map((n) => n + '@' + d[n]).join(' ')")
COPY prisma.config.ts ./
COPY prisma ./prisma

FROM base AS runner
ENV NODE_ENV=production PORT=3000 HOSTNAME=0.0.0.0
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/public ./public
COPY --from=migrator --chown=node:node /migrate ./migrate
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# Migrations are idempotent and serialised by Prisma's advisory lock, so several replicas may
# start at once. `exec` replaces the shell, so the server is PID 1 and receives SIGTERM itself.
CMD ["sh", "-c", "cd /app/migrate && node node_modules/prisma/build/index.js migrate deploy && cd /app && exec node server.js"]
