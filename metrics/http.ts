// A bare /metrics, /healthz and /readyz endpoint for processes without an HTTP API: logic and
// worker. /readyz answers 503 while the process cannot do its work (e.g. a dependency is down).
import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';

export interface Readiness {
  ready?: () => { ok: boolean; detail?: Record<string, unknown> };
  host?: string;
}

export async function serveMetrics(metrics: { registry: Registry; scrape(): Promise<string> }, port: number, opts: Readiness = {}): Promise<Server | undefined> {
  const host = opts.host ?? '127.0.0.1';
  if (port === 0) return undefined;
  const server = createServer((req, res) => {
    if (req.url === '/metrics') {
      metrics
        .scrape()
        .then((body) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body))
        .catch(() => res.writeHead(500).end());
    } else if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    } else if (req.url === '/readyz') {
      const r = opts.ready?.() ?? { ok: true };
      res.writeHead(r.ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: r.ok ? 'ready' : 'unavailable', ...r.detail }));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return server;
}
