# One image for every GoChat process: the gateway by default; the logic worker
# (`node logic/main.ts`), the Temporal worker (`node workers/main.ts --workflow-bundle
# dist/workflow-bundle.js`), migrations (`node scripts/migrate.ts`) and the dead-letter tool
# (`node scripts/dlq.ts`) by command. Node runs the TypeScript sources directly (type stripping).
# test/ops/docker-image.test.ts checks every COPY below against the entry points' imports.
ARG NODE_IMAGE=node:24-bookworm-slim

# Build stage: every dependency (dev ones too), the Temporal workflow bundle built once so
# workers start without webpack, and the web client the gateway serves under /app.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY runtime ./runtime
COPY telemetry ./telemetry
COPY workers ./workers
COPY workflows ./workflows
RUN node workers/bundle.ts dist/workflow-bundle.js
COPY contract ./contract
COPY sdk ./sdk
COPY web ./web
RUN npm run web:build

# Runtime stage: production dependencies, the sources the entry points import, the bundle and
# the built web client (gateway/plugins/web-app.ts serves dist/web).
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production
# V8 keeps compiled code here, so a restarted process is serving sooner.
ENV NODE_COMPILE_CACHE=/tmp/gochat-compile-cache
# In a container the processes listen on every interface: the gateway's API and the workers'
# /metrics, /healthz and /readyz (METRICS_PORT) must be reachable from outside it.
ENV HTTP_HOST=0.0.0.0 METRICS_HOST=0.0.0.0
# The local-disk attachment store (ATTACHMENTS_STORAGE=local): a folder the image's user owns, for
# a volume mounted there (a named volume takes its owner); several gateways use S3 instead.
ENV ATTACHMENTS_LOCAL_DIR=/var/lib/gochat/attachments
RUN mkdir -p /var/lib/gochat/attachments && chown 1000:1000 /var/lib/gochat/attachments
COPY package.json package-lock.json ./
# Fixes carried for dependencies (patch-package, run by postinstall). postinstall only warns when
# a patch does not apply; the second run makes that fail the build.
COPY patches ./patches
RUN npm ci --omit=dev --no-audit --no-fund \
 && node_modules/.bin/patch-package --error-on-fail \
 && npm cache clean --force
COPY config ./config
COPY contract ./contract
COPY domain ./domain
COPY runtime ./runtime
COPY metrics ./metrics
COPY telemetry ./telemetry
COPY bus ./bus
COPY repo ./repo
COPY storage ./storage
COPY temporal ./temporal
COPY workflows ./workflows
COPY activities ./activities
COPY gateway ./gateway
COPY logic ./logic
COPY workers ./workers
COPY scripts/migrate.ts scripts/dlq.ts ./scripts/
COPY scripts/dlq ./scripts/dlq
COPY --from=build /app/dist/workflow-bundle.js ./dist/workflow-bundle.js
COPY --from=build /app/dist/web ./dist/web
# The image's `node` user.
USER 1000:1000
EXPOSE 3000 9464
# Ready when the process answers /readyz: the gateway on HTTP_PORT, the logic and Temporal
# workers on METRICS_PORT (the slim image has no curl; Node's fetch does it).
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "const ports = [process.env.HTTP_PORT || '3000', process.env.METRICS_PORT || '9464']; Promise.any(ports.map((p) => fetch('http://127.0.0.1:' + p + '/readyz', { signal: AbortSignal.timeout(4000) }).then((r) => { if (!r.ok) throw new Error(String(r.status)); }))).then(() => process.exit(0), () => process.exit(1));"]
CMD ["node", "--max-semi-space-size=16", "gateway/server.ts"]
