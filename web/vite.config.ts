// Builds the web client into dist/web, served by the gateway under /app
// (gateway/plugins/web-app.ts): `npm run web:build`. For work on the client itself,
// `npx vite --config web/vite.config.ts` serves it with live reload and passes the API and the
// WebSocket through to a gateway on GOCHAT_URL (http://127.0.0.1:3000 by default).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const gateway = process.env.GOCHAT_URL ?? 'http://127.0.0.1:3000';
const apiPaths = ['/auth', '/users', '/friends', '/conversations', '/messages'];

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/app/',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1024,
  },
  server: {
    proxy: {
      ...Object.fromEntries(apiPaths.map((p) => [p, { target: gateway, changeOrigin: true }])),
      '/ws': { target: gateway.replace(/^http/, 'ws'), ws: true },
    },
  },
});
