// The pure parts of reactions and receipts: what counts as an emoji, the `delivered` frame, the
// gateway's coalescing of `delivered` events, and the SDK's batching of reports and merging of
// reaction snapshots.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isReactionEmoji, parseClientFrame, withReactions, type WireMessage } from '../../contract/index.ts';
import { Coalescer } from '../../gateway/services/coalescer.ts';
import { DeliveryReports } from '../../sdk/src/delivery.ts';
import { countsWithMe, ReactionVersions, sameReactions } from '../../sdk/src/reactions.ts';

const limits = { maxContentBytes: 4000, maxSyncConversations: 100 };

describe('reaction emoji', () => {
  it.each(['👍', '❤️', '👍🏽', '🇫🇷', '1️⃣', '👩🏻‍❤️‍💋‍👨🏼', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '©️'])('takes %s', (emoji) => {
    expect(isReactionEmoji(emoji)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['text', 'a'],
    ['a short name', ':+1:'],
    ['two emoji', '👍👍'],
    ['an unqualified heart', '❤'],
    ['an emoji with text', '👍 '],
    ['a lone skin tone with text', 'x🏽'],
    ['a long string', '👍'.repeat(40)],
  ])('refuses %s', (_what, emoji) => {
    expect(isReactionEmoji(emoji)).toBe(false);
  });

  it('leaves a recalled message, and one without reactions, without the field', () => {
    const m = { message_id: '1', conversation_id: '2', seq: 1, sender_id: '3', client_msg_id: 'c', msg_type: 1, content: 'x', created_at: 0, recalled: false } satisfies WireMessage;
    const byMessage = new Map([['1', [{ emoji: '👍', count: 2, me: true }]]]);
    expect(withReactions(m, byMessage).reactions).toEqual([{ emoji: '👍', count: 2, me: true }]);
    expect(withReactions({ ...m, recalled: true, content: '' }, byMessage)).not.toHaveProperty('reactions');
    expect(withReactions({ ...m, message_id: '9' }, byMessage)).not.toHaveProperty('reactions');
  });
});

describe('the delivered frame', () => {
  it('is a client frame with a conversation id and a seq', () => {
    expect(parseClientFrame('{"type":"delivered","conversation_id":"7","seq":12}', limits)).toEqual({ ok: true, frame: { type: 'delivered', conversation_id: '7', seq: 12 } });
  });

  it.each([
    ['a negative seq', '{"type":"delivered","conversation_id":"7","seq":-1}'],
    ['a bad id', '{"type":"delivered","conversation_id":"x","seq":1}'],
    ['an unknown field', '{"type":"delivered","conversation_id":"7","seq":1,"seqs":[1]}'],
    ['no seq', '{"type":"delivered","conversation_id":"7"}'],
  ])('refuses %s', (_what, text) => {
    expect(parseClientFrame(text, limits)).toMatchObject({ ok: false, code: 'VALIDATION_ERROR' });
  });
});

describe('Coalescer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs the first task at once and only the latest of the rest at the end of the window', async () => {
    const ran: number[] = [];
    const c = new Coalescer(1000, (err) => {
      throw err;
    });
    for (let i = 1; i <= 5; i++) c.run('k', () => Promise.resolve(void ran.push(i)));
    expect(ran).toEqual([1]);
    await vi.advanceTimersByTimeAsync(999);
    expect(ran).toEqual([1]);
    await vi.advanceTimersByTimeAsync(1);
    expect(ran).toEqual([1, 5]);
    // The trailing run opened a window of its own: nothing more without new calls.
    await vi.advanceTimersByTimeAsync(5000);
    expect(ran).toEqual([1, 5]);
    expect(c.size).toBe(0);
  });

  it('keeps keys apart and drops what waits on close', async () => {
    const ran: string[] = [];
    const c = new Coalescer(1000, () => undefined);
    c.run('a', () => Promise.resolve(void ran.push('a1')));
    c.run('b', () => Promise.resolve(void ran.push('b1')));
    c.run('a', () => Promise.resolve(void ran.push('a2')));
    expect(ran).toEqual(['a1', 'b1']);
    c.close();
    await vi.advanceTimersByTimeAsync(2000);
    expect(ran).toEqual(['a1', 'b1']);
  });

  it('reports a failing task and goes on', async () => {
    const errors: unknown[] = [];
    const c = new Coalescer(1000, (err) => errors.push(err));
    c.run('k', () => Promise.reject(new Error('kafka down')));
    await vi.advanceTimersByTimeAsync(0);
    expect(errors).toHaveLength(1);
  });
});

describe('DeliveryReports (SDK)', () => {
  const writer = () => {
    const frames: [string, number][] = [];
    const sent: (() => void)[] = [];
    return {
      frames,
      sent,
      write: (id: string, seq: number, onSent: () => void) => {
        frames.push([id, seq]);
        sent.push(onSent);
        return true;
      },
    };
  };

  it('reports the highest seq once per conversation a second, not one frame per message', () => {
    const r = new DeliveryReports();
    const w = writer();
    for (let seq = 1; seq <= 50; seq++) r.received('7', seq);
    r.received('8', 3);
    r.flush(10_000, w.write);
    expect(w.frames).toEqual([['7', 50], ['8', 3]]);
    r.received('7', 51);
    r.flush(10_500, w.write);
    expect(w.frames).toHaveLength(2);
    r.flush(11_000, w.write);
    expect(w.frames.at(-1)).toEqual(['7', 51]);
    // Nothing new received: nothing sent; an older seq is no news.
    r.received('7', 40);
    r.flush(20_000, w.write);
    expect(w.frames).toHaveLength(3);
  });

  it('keeps a report with no socket, and makes again one that never went out', () => {
    const r = new DeliveryReports();
    r.received('7', 5);
    r.flush(0, () => false);
    const w = writer();
    r.flush(1, w.write);
    expect(w.frames).toEqual([['7', 5]]);
    // Handed to the pacer, then the socket died before it was written.
    r.socketLost();
    r.flush(5000, w.write);
    expect(w.frames).toEqual([['7', 5], ['7', 5]]);
    // Written this time: a lost socket after that does not repeat it.
    w.sent.at(-1)!();
    r.socketLost();
    r.flush(10_000, w.write);
    expect(w.frames).toHaveLength(2);
  });

  it('sends at most ten reports a flush, the rest a second later', () => {
    const r = new DeliveryReports();
    const w = writer();
    for (let i = 1; i <= 25; i++) r.received(String(i), 1);
    r.flush(0, w.write);
    expect(w.frames).toHaveLength(10);
    r.flush(1000, w.write);
    r.flush(2000, w.write);
    expect(new Set(w.frames.map(([id]) => id)).size).toBe(25);
  });
});

describe('reaction snapshots (SDK)', () => {
  it("keeps your own flags from what was held and changes them only for your own reaction", () => {
    const held = [{ emoji: '👍', count: 1, me: true }, { emoji: '🎉', count: 1, me: false }];
    const counts = [{ emoji: '👍', count: 2 }, { emoji: '🎉', count: 1 }];
    expect(countsWithMe(counts, held, { userId: 'other', emoji: '👍', op: 'add' }, 'me')).toEqual([
      { emoji: '👍', count: 2, me: true }, { emoji: '🎉', count: 1, me: false },
    ]);
    expect(countsWithMe([{ emoji: '👍', count: 1 }], held, { userId: 'me', emoji: '🎉', op: 'remove' }, 'me')).toEqual([{ emoji: '👍', count: 1, me: true }]);
    expect(countsWithMe([{ emoji: '😀', count: 1 }], undefined, { userId: 'me', emoji: '😀', op: 'add' }, 'me')).toEqual([{ emoji: '😀', count: 1, me: true }]);
  });

  it('applies only newer versions', () => {
    const v = new ReactionVersions();
    expect(v.take('m', 3)).toBe(true);
    expect(v.take('m', 3)).toBe(false);
    expect(v.take('m', 2)).toBe(false);
    expect(v.take('m', 4)).toBe(true);
    expect(v.take('n', 0)).toBe(true);
  });

  it('compares lists in order', () => {
    expect(sameReactions(undefined, [])).toBe(true);
    expect(sameReactions([{ emoji: '👍', count: 1, me: true }], [{ emoji: '👍', count: 1, me: false }])).toBe(false);
  });
});
