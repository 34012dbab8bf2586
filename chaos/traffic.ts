// The run's users and conversations, made through the gateways' REST API (registration, the
// friend-request flow for 1:1 chats, POST /conversations for groups), and a steady open-loop
// sender: every tick, rate × elapsed sends to a random conversation from a random member.
import { ChatClient, type ChatUser } from './client.ts';
import type { ConvInfo, Ledger } from './ledger.ts';
import type { GatewayProc } from './procs.ts';

export async function api<T>(baseUrl: string, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** The call's body when its status is one of `ok`; a 429 or 5xx is tried again (3 tries, 1 s apart). */
async function expectStatus<T>(what: string, call: () => Promise<{ status: number; body: T }>, ok: number[]): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const r = await call();
    if (ok.includes(r.status)) return r.body;
    if (attempt >= 3 || (r.status !== 429 && r.status < 500)) throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** Runs `fn` over `items`, `n` at a time, keeping the order of results. */
export async function inBatches<T, R>(items: T[], n: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  }));
  return out;
}

export async function registerUsers(gateways: GatewayProc[], prefix: string, n: number): Promise<ChatUser[]> {
  return inBatches(Array.from({ length: n }, (_, i) => i), 4, async (i) => {
    const name = `${prefix}${i}`.slice(0, 32);
    const gw = gateways[i % gateways.length]!;
    const body = await expectStatus('register', () => api<{ token: string; user: { id: string } }>(gw.url, 'POST', '/auth/register', undefined, {
      username: name,
      password: 'chaos-pass-1234',
    }), [201]);
    return { id: body.user.id, name, token: body.token };
  });
}

/** A 1:1 conversation the way users get one: a friend request, accepted. */
export async function befriend(gw: GatewayProc, a: ChatUser, b: ChatUser): Promise<string> {
  const req = await expectStatus('friend request', () => api<{ id: string }>(gw.url, 'POST', '/friends/requests', a.token, { target_user_id: b.id }), [200, 201]);
  const ans = await expectStatus('accept', () => api<{ conversation_id?: string }>(gw.url, 'PUT', `/friends/requests/${req.id}`, b.token, { action: 1 }), [200]);
  if (!ans.conversation_id) throw new Error(`accepting friend request ${req.id} gave no conversation_id`);
  return ans.conversation_id;
}

export async function createGroup(gw: GatewayProc, owner: ChatUser, members: ChatUser[], name: string): Promise<string> {
  const body = await expectStatus('create group', () => api<{ id: string }>(gw.url, 'POST', '/conversations', owner.token, {
    name,
    member_ids: members.filter((m) => m.id !== owner.id).map((m) => m.id),
  }), [201]);
  return body.id;
}

export interface World {
  users: ChatUser[];
  clients: ChatClient[];
  convs: ConvInfo[];
}

/**
 * `n` users on alternating gateways: 1:1 chats between neighbours (0-1, 2-3, …), groups of 5
 * (0-4, 5-9, …) and one group of everyone, larger than the fan-out threshold.
 */
export async function buildWorld(gateways: GatewayProc[], ledger: Ledger, runId: string, n: number, clientOpts: { resendMs: number; framesPerSecond: number }): Promise<World> {
  const users = await registerUsers(gateways, `c${runId}u`, n);
  const convs: ConvInfo[] = [];
  const pairs = Array.from({ length: Math.floor(n / 2) }, (_, k) => [users[2 * k]!, users[2 * k + 1]!] as const);
  const ones = await inBatches(pairs, 3, ([a, b], k) => befriend(gateways[k % gateways.length]!, a, b));
  pairs.forEach(([a, b], k) => convs.push({ id: ones[k]!, kind: '1:1', members: [a.id, b.id] }));
  for (let g = 0; g + 5 <= n; g += 5) {
    const members = users.slice(g, g + 5);
    convs.push({ id: await createGroup(gateways[0]!, members[0]!, members, `chaos group ${g / 5}`), kind: 'group', members: members.map((u) => u.id) });
  }
  convs.push({ id: await createGroup(gateways[1 % gateways.length]!, users[0]!, users, 'chaos large group'), kind: 'large', members: users.map((u) => u.id) });
  for (const c of convs) ledger.convs.set(c.id, c);
  const clients = users.map((user, i) => {
    const gw = gateways[i % gateways.length]!;
    return new ChatClient({
      user,
      gateway: { index: gw.index, wsUrl: gw.wsUrl },
      conversations: convs.filter((c) => c.members.includes(user.id)).map((c) => c.id),
      ledger,
      runId,
      ...clientOpts,
    });
  });
  return { users, clients, convs };
}

export interface TrafficPlan {
  /** Conversations with their share of the traffic. */
  targets: { conv: ConvInfo; weight: number }[];
  /** Each user's connections that may send (a user may hold several). */
  senders: Map<string, ChatClient[]>;
  contentBytes: number;
  /** A sender holding this many unacked sends offers no more (counted as held back). */
  maxInFlight?: number;
}

/** Sends about `rate` messages a second until stopped; pause() holds it for a checkpoint. */
export class Traffic {
  private readonly plan: TrafficPlan;
  rate: number;
  private timer: NodeJS.Timeout | undefined;
  private carry = 0;
  private last = 0;
  private paused = false;
  private readonly total: number;
  sent = 0;
  /** Sends not made because the chosen sender already had maxInFlight unacked. */
  heldBack = 0;

  constructor(plan: TrafficPlan, rate: number) {
    this.plan = plan;
    this.rate = rate;
    this.total = plan.targets.reduce((s, t) => s + t.weight, 0);
  }

  start(): void {
    this.last = Date.now();
    this.timer = setInterval(() => this.tick(), 20);
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.last = Date.now();
    this.carry = 0;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private tick(): void {
    const now = Date.now();
    const due = this.carry + ((now - this.last) / 1000) * this.rate;
    this.last = now;
    if (this.paused) return;
    const n = Math.floor(due);
    this.carry = due - n;
    for (let i = 0; i < n; i++) this.sendOne(now);
  }

  private sendOne(now: number): void {
    let r = Math.random() * this.total;
    let target = this.plan.targets[0]!;
    for (const t of this.plan.targets) {
      r -= t.weight;
      if (r <= 0) {
        target = t;
        break;
      }
    }
    const candidates = target.conv.members.flatMap((u) => this.plan.senders.get(u) ?? []);
    const client = candidates[Math.floor(Math.random() * candidates.length)];
    if (!client) return;
    if (this.plan.maxInFlight !== undefined && client.unacked >= this.plan.maxInFlight) {
      this.heldBack++;
      return;
    }
    const head = `chaos ${now}`;
    client.send(target.conv.id, head.length >= this.plan.contentBytes ? head : head.padEnd(this.plan.contentBytes, '.'));
    this.sent++;
  }
}

/** Steady traffic: half 1:1, 40 % small groups, 10 % the large (Temporal fan-out) group. */
export function steadyPlan(world: World): TrafficPlan {
  const share = { '1:1': 0.5, group: 0.4, large: 0.1, slow: 0 } as const;
  const count = (k: ConvInfo['kind']) => world.convs.filter((c) => c.kind === k).length;
  return {
    targets: world.convs.map((conv) => ({ conv, weight: share[conv.kind] / count(conv.kind) })),
    senders: new Map(world.clients.map((c) => [c.user.id, [c]])),
    contentBytes: 40,
  };
}
