// The pieces of typing indicators that need no stack: the frame's contract, the per-connection
// rate limit and expiry (gateway/ws/typing.ts, on fake timers), the recipient cache, and the
// gateway dropping typing events that waited in the topic past their expiry.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WS_SLOW_DEFAULTS } from '../../config/index.ts';
import { parseClientFrame, TYPING_MIN_INTERVAL_MS, TYPING_TTL_MS, type EventEnvelope } from '../../contract/index.ts';
import { MemberIdsCache } from '../../gateway/services/member-ids-cache.ts';
import { ConnectionRegistry, type Connection } from '../../gateway/ws/connections.ts';
import { dispatchEvent } from '../../gateway/ws/dispatch.ts';
import { TypingTracker } from '../../gateway/ws/typing.ts';

const limits = { maxContentBytes: 1000, maxSyncConversations: 3 };

describe('the typing frame', () => {
  it.each([['start'], ['stop']])('accepts state %s', (state) => {
    expect(parseClientFrame(JSON.stringify({ type: 'typing', conversation_id: '12', state }), limits)).toEqual({ ok: true, frame: { type: 'typing', conversation_id: '12', state } });
  });

  it.each([
    [{ type: 'typing', conversation_id: '12', state: 'typing' }, 'state'],
    [{ type: 'typing', conversation_id: '12' }, 'state'],
    [{ type: 'typing', conversation_id: 12, state: 'start' }, 'conversation_id'],
    [{ type: 'typing', conversation_id: '12', state: 'start', user_id: '3' }, 'user_id'],
  ])('refuses %o naming %s', (frame, field) => {
    const r = parseClientFrame(JSON.stringify(frame), limits);
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION_ERROR' });
    if (!r.ok) expect(r.message).toContain(field);
  });
});

describe('per-connection typing state', () => {
  let announced: string[];
  let refuse: Error | undefined;
  let large: boolean;
  let gate: Promise<void> | undefined;
  let tracker: TypingTracker;

  beforeEach(() => {
    vi.useFakeTimers();
    announced = [];
    refuse = undefined;
    large = false;
    gate = undefined;
    tracker = new TypingTracker({
      start: async (userId, conversationId) => {
        await gate;
        if (refuse) throw refuse;
        if (large) return false;
        announced.push(`${userId}:${conversationId}:start`);
        return true;
      },
      stop: (userId, conversationId) => {
        announced.push(`${userId}:${conversationId}:stop`);
        return Promise.resolve();
      },
      onError: (err) => {
        throw err;
      },
    });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('forwards one start per conversation per interval and drops the rest without an answer', async () => {
    for (let i = 0; i < 5; i++) await tracker.frame('c1', '7', '10', 'start');
    await tracker.frame('c1', '7', '11', 'start');
    // Another connection of the same user has limits of its own.
    await tracker.frame('c2', '7', '10', 'start');
    expect(announced).toEqual(['7:10:start', '7:11:start', '7:10:start']);
    vi.advanceTimersByTime(TYPING_MIN_INTERVAL_MS - 1);
    await tracker.frame('c1', '7', '10', 'start');
    expect(announced).toHaveLength(3);
    vi.advanceTimersByTime(1);
    await tracker.frame('c1', '7', '10', 'start');
    expect(announced).toEqual(['7:10:start', '7:11:start', '7:10:start', '7:10:start']);
  });

  it('sends a stop when a start is not refreshed within the TTL, and a refresh moves the expiry', async () => {
    await tracker.frame('c1', '7', '10', 'start');
    vi.advanceTimersByTime(3000);
    await tracker.frame('c1', '7', '10', 'start');
    vi.advanceTimersByTime(TYPING_TTL_MS - 1);
    expect(announced).toEqual(['7:10:start', '7:10:start']);
    vi.advanceTimersByTime(1);
    expect(announced).toEqual(['7:10:start', '7:10:start', '7:10:stop']);
    // Expired: a stop now has nothing to take back.
    await tracker.frame('c1', '7', '10', 'stop');
    expect(announced).toHaveLength(3);
  });

  it('forwards a stop only for an indicator that is on, and no expiry follows it', async () => {
    await tracker.frame('c1', '7', '10', 'stop');
    expect(announced).toEqual([]);
    await tracker.frame('c1', '7', '10', 'start');
    await tracker.frame('c1', '7', '10', 'stop');
    await tracker.frame('c1', '7', '10', 'stop');
    vi.advanceTimersByTime(TYPING_TTL_MS * 2);
    expect(announced).toEqual(['7:10:start', '7:10:stop']);
  });

  it('stops what a closing connection left on, and forgets the connection', async () => {
    await tracker.frame('c1', '7', '10', 'start');
    await tracker.frame('c1', '7', '11', 'start');
    await tracker.frame('c1', '7', '11', 'stop');
    tracker.closed('c1');
    expect(announced).toEqual(['7:10:start', '7:11:start', '7:11:stop', '7:10:stop']);
    expect(tracker.heldFor('c1')).toBe(0);
    vi.advanceTimersByTime(TYPING_TTL_MS * 2);
    expect(announced).toHaveLength(4);
  });

  it('passes a refusal on, shows nothing, and counts it against the interval', async () => {
    refuse = Object.assign(new Error('not a member'), { code: 'NOT_CONVERSATION_MEMBER' });
    await expect(tracker.frame('c1', '7', '10', 'start')).rejects.toThrow('not a member');
    await tracker.frame('c1', '7', '10', 'start');
    refuse = undefined;
    await tracker.frame('c1', '7', '10', 'stop');
    vi.advanceTimersByTime(TYPING_TTL_MS);
    expect(announced).toEqual([]);
  });

  it('announces nothing, and arms nothing, where the service declines (a large group)', async () => {
    large = true;
    await tracker.frame('c1', '7', '10', 'start');
    await tracker.frame('c1', '7', '10', 'stop');
    vi.advanceTimersByTime(TYPING_TTL_MS);
    expect(announced).toEqual([]);
  });

  it('takes a start back at once when a stop or the close came while it was on its way', async () => {
    let open!: () => void;
    gate = new Promise((r) => (open = r));
    const first = tracker.frame('c1', '7', '10', 'start');
    await tracker.frame('c1', '7', '10', 'stop');
    const second = tracker.frame('c1', '7', '11', 'start');
    tracker.closed('c1');
    open();
    await Promise.all([first, second]);
    expect(announced.sort()).toEqual(['7:10:start', '7:10:stop', '7:11:start', '7:11:stop']);
    vi.advanceTimersByTime(TYPING_TTL_MS * 2);
    expect(announced).toHaveLength(4);
  });
});

describe('typing recipients', () => {
  it('reuses a member list for a few seconds, shares a load, and reloads after forget', async () => {
    let loads = 0;
    let now = 0;
    const cache = new MemberIdsCache((id) => {
      loads++;
      return Promise.resolve([`${id}-a`, `${id}-b`]);
    }, () => now);
    const [a, b] = await Promise.all([cache.get('5'), cache.get('5')]);
    expect(a).toEqual(['5-a', '5-b']);
    expect(b).toBe(a);
    now += 4999;
    await cache.get('5');
    expect(loads).toBe(1);
    now += 1;
    await cache.get('5');
    expect(loads).toBe(2);
    cache.forget('5');
    await cache.get('5');
    expect(loads).toBe(3);
  });

  it('does not keep a failed load', async () => {
    let fail = true;
    const cache = new MemberIdsCache(() => (fail ? Promise.reject(new Error('db down')) : Promise.resolve(['1'])));
    await expect(cache.get('5')).rejects.toThrow('db down');
    fail = false;
    await expect(cache.get('5')).resolves.toEqual(['1']);
  });
});

describe('delivering typing events', () => {
  function registryWith(userId: string): { registry: ConnectionRegistry; sent: string[] } {
    const sent: string[] = [];
    const registry = new ConnectionRegistry(WS_SLOW_DEFAULTS);
    const socket = { readyState: 1, bufferedAmount: 0, send: (b: Buffer) => sent.push(b.toString()) };
    registry.add({ id: 'c1', userId, tokenId: 't', socket, reads: { unread: 0, add: () => undefined }, ip: '', connectedAt: 0, lastSeenAt: 0, windowStart: 0, windowFrames: 0 } as unknown as Connection);
    return { registry, sent };
  }
  const envelope = (at: number): EventEnvelope => ({ userIds: ['8'], at, event: { type: 'typing', conversationId: '10', userId: '7', state: 'start' } });

  it('pushes a fresh one and drops one that waited in the topic past its expiry', () => {
    const { registry, sent } = registryWith('8');
    const now = 1_000_000;
    expect(dispatchEvent(registry, envelope(now - TYPING_TTL_MS), now)).toBe(1);
    expect(dispatchEvent(registry, envelope(now - TYPING_TTL_MS - 1), now)).toBe(0);
    expect(sent.map((s) => JSON.parse(s) as unknown)).toEqual([{ type: 'event', event: { type: 'typing', conversationId: '10', userId: '7', state: 'start' } }]);
  });
});
