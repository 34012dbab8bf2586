# One image for every GoChat process; the compose file picks the entrypoint.
FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY config ./config
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
