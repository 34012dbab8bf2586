// A stand-in for the operator's push service: an HTTP server on 127.0.0.1 that checks each
// request's signature and records it. It can be taken down (connections refused), made to fail
// (5xx), or to refuse some users' requests (4xx).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PushWebhookBody } from '../../contract/index.ts';

export interface Received {
  at: number;
  headers: IncomingHttpHeaders;
  raw: string;
  body: PushWebhookBody;
  /** X-GoChat-Signature matches the HMAC of `timestamp.body`, and the timestamp is recent. */
  signed: boolean;
  status: number;
}

export class PushReceiver {
  readonly requests: Received[] = [];
  /** Answer for a request (after it is recorded); 200 unless set. */
  answer: (body: PushWebhookBody) => number = () => 200;
  private server: Server | undefined;
  private port = 0;
  private readonly secret: string;

  constructor(secret: string) {
    this.secret = secret;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/push`;
  }

  /** Requests answered 2xx: what the push service took. */
  get accepted(): Received[] {
    return this.requests.filter((r) => r.status >= 200 && r.status < 300);
  }

  /** Accepted notifications of a user, as message ids in arrival order (a repeat shows twice). */
  messageIdsOf(userId: string): string[] {
    return this.accepted.filter((r) => r.body.user_id === userId).flatMap((r) => r.body.notifications.map((n) => n.message_id));
  }

  async start(port = 0): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const body = JSON.parse(raw) as PushWebhookBody;
        const status = this.answer(body);
        this.requests.push({ at: Date.now(), headers: req.headers, raw, body, signed: this.verify(req.headers, raw), status });
        res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  /** Down: the port refuses connections (open ones are cut). */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Back on the same port. */
  restart(): Promise<void> {
    return this.start(this.port);
  }

  /** How a push service checks a request (docs/push.md, "Verifying a request"). */
  private verify(headers: IncomingHttpHeaders, raw: string): boolean {
    const timestamp = headers['x-gochat-timestamp'];
    const signature = headers['x-gochat-signature'];
    if (typeof timestamp !== 'string' || typeof signature !== 'string') return false;
    if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
    const expected = Buffer.from(`sha256=${createHmac('sha256', this.secret).update(`${timestamp}.${raw}`).digest('hex')}`);
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
