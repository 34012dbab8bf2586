# One image for every GoChat process; the compose file picks the entrypoint.
FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# V8 keeps compiled code here, so a restarted process is serving sooner.
ENV NODE_COMPILE_CACHE=/tmp/gochat-compile-cache
COPY package.json package-lock.json ./
# Fixes carried for dependencies until their releases have them (applied by postinstall).
COPY patches ./patches
RUN npm ci --omit=dev --no-audit --no-fund
COPY config ./config
COPY contract ./contract
COPY metrics ./metrics
COPY telemetry ./telemetry
COPY bus ./bus
COPY repo ./repo
COPY gateway ./gateway
COPY logic ./logic
COPY temporal ./temporal
COPY workflows ./workflows
COPY activities ./activities
COPY workers ./workers
COPY scripts ./scripts
USER node
CMD ["node", "gateway/server.ts"]
