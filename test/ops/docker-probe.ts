// Runs a container healthcheck command (`node -e …`) on this machine against a stand-in process
// that answers /readyz, so the command's exit codes are checked without a container.
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Readyz {
  port: number;
  close(): Promise<void>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** A server whose /readyz answers `status` (anything else 404). */
export async function readyzServer(status: number): Promise<Readyz> {
  const server = createServer((req, res) => {
    res.writeHead(req.url === '/readyz' ? status : 404, { 'content-type': 'application/json' }).end('{}');
  });
  const port = await listen(server);
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A loopback port nothing listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const r = await readyzServer(200);
  await r.close();
  return r.port;
}

/** Exit code of a healthcheck's `CMD` argv; `node` is this process's Node. */
export function runProbe(argv: string[], env: Record<string, string> = {}): Promise<number> {
  const [cmd, ...args] = argv;
  if (cmd !== 'node') throw new Error(`not a node healthcheck: ${JSON.stringify(argv)}`);
  return new Promise((resolve) => {
    execFile(process.execPath, args, { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 15_000 }, (err) => {
      if (!err) resolve(0);
      else resolve(typeof err.code === 'number' ? err.code : -1);
    });
  });
}
