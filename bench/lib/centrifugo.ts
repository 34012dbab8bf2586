// Centrifugo, the bench's peer: installed by scripts/install-centrifugo.sh, started as child
// processes on loopback with a generated config (Redis engine on the local Redis, history on,
// HMAC connection tokens), and stopped at the end of the run.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { sleep } from './stats.ts';

export const CENTRIFUGO_VERSION = 'v6.9.1';
/** The namespace of the 1:1 channels; its options are where history and permissions live. */
export const CHAT_NAMESPACE = 'chat';

export interface CentrifugoNode {
  name: string;
  port: number;
  wsUrl: string;
  child: ChildProcess;
}

export interface Centrifugo {
  /** As the binary reports it. */
  version: string;
  nodes: CentrifugoNode[];
  /** The Redis key prefix of this run's nodes (history streams, PUB/SUB channels). */
  redisPrefix: string;
  /** A connection JWT for `userId`, signed with the run's HMAC secret. */
  token(userId: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Runs the install script (a no-op when the binary of the wanted version is there). A build from
 * scratch takes minutes, so the caller does this before anything is measured.
 */
export function installCentrifugo(root: string, log: (s: string) => void): Promise<{ bin: string } | { error: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', [path.join(root, 'scripts/install-centrifugo.sh')], {
      cwd: root,
      env: { ...process.env, CENTRIFUGO_VERSION },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => {
      err += b.toString();
      // the script's own progress lines, not Go's module downloads
      for (const line of b.toString().split('\n')) if (line.includes('centrifugo:')) log(`  ${plain(line)}`);
    });
    // a stuck module download must not hold the run forever
    const timer = setTimeout(() => child.kill('SIGTERM'), 20 * 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      const bin = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && bin) resolve({ bin });
      else resolve({ error: `scripts/install-centrifugo.sh exited with ${code}: ${plain(err).split('\n').slice(-3).join(' / ')}` });
    });
    child.on('error', (e) => resolve({ error: `could not run scripts/install-centrifugo.sh: ${e.message}` }));
  });
}

/** The script's log lines without their colour codes. */
function plain(s: string): string {
  return s.replaceAll(String.fromCharCode(27), '').replace(/\[[0-9;]*m/g, '').trim();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** The v6 config format: nested sections (`client.token`, `engine.redis`, `channel.namespaces`). */
function config(o: { port: number; name: string; secret: string; redisPrefix: string }): unknown {
  const redisHost = process.env.REDIS_HOST ?? '127.0.0.1';
  const redisPort = process.env.REDIS_PORT ?? '6379';
  return {
    http_server: { address: '127.0.0.1', port: o.port },
    log: { level: 'error' },
    node: { name: o.name },
    health: { enabled: true },
    usage_stats: { disabled: true },
    shutdown: { timeout: '5s' },
    client: { token: { hmac_secret_key: o.secret } },
    engine: {
      type: 'redis',
      redis: { address: [`redis://${redisHost}:${redisPort}`], prefix: o.redisPrefix },
    },
    channel: {
      namespaces: [{
        name: CHAT_NAMESPACE,
        // every publication is stored (Redis stream per channel) before it is fanned out, as
        // GoChat stores a message before delivering it; the run's keys expire on their own
        history_size: 1000,
        history_ttl: '300s',
        history_meta_ttl: '600s',
        // 1:1 channels name their two members after `#`: only they may subscribe, which is
        // Centrifugo's own membership check, made once at subscribe time
        allow_user_limited_channels: true,
        allow_subscribe_for_client: true,
        // only a subscriber (a member) may publish, and the publish reply is the ack
        allow_publish_for_subscriber: true,
      }],
    },
  };
}

/** Starts `count` nodes sharing one Redis prefix, so a publication on one reaches the other. */
export async function startCentrifugo(bin: string, root: string, runId: string, count: number): Promise<Centrifugo> {
  const base = path.join(root, '.stack', 'centrifugo');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(path.join(base, `${runId}-`));
  const secret = randomBytes(32).toString('hex');
  const key = new TextEncoder().encode(secret);
  const redisPrefix = `centrifugo_${runId}`;
  const nodes: CentrifugoNode[] = [];
  const stop = async () => {
    await Promise.all(nodes.map((n) => stopChild(n.child)));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < count; i++) {
      const name = `${runId}-cf${i + 1}`;
      const port = await freePort();
      const cfg = path.join(dir, `${name}.json`);
      writeFileSync(cfg, JSON.stringify(config({ port, name, secret, redisPrefix }), null, 2));
      const child = spawn(bin, ['--config', cfg], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      const out: string[] = [];
      const keep = (b: Buffer) => {
        out.push(b.toString());
        if (out.length > 200) out.shift();
      };
      child.stdout?.on('data', keep);
      child.stderr?.on('data', keep);
      nodes.push({ name, port, wsUrl: `ws://127.0.0.1:${port}/connection/websocket`, child });
      await waitHealthy(port, child, out, 30_000);
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    // "Centrifugo v6.9.1 (Go version: go1.26.8)"
    version: execFileSync(bin, ['version']).toString().trim(),
    nodes,
    redisPrefix,
    token: (userId) => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(userId).setIssuedAt().setExpirationTime('2h').sign(key),
    stop,
  };
}

async function waitHealthy(port: number, child: ChildProcess, out: string[], timeoutMs: number): Promise<void> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`centrifugo exited with ${child.exitCode}: ${out.join('').trim().split('\n').slice(-5).join(' / ')}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`centrifugo on :${port} not healthy after ${timeoutMs} ms: ${out.join('').trim().split('\n').slice(-5).join(' / ')}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

