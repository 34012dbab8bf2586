import { describe, expect, it } from 'vitest';
import { CoalescingProducer } from '../../bus/coalescing-producer.ts';
import type { JsonRecord } from '../../bus/kafka.ts';

function fake(fail = false) {
  const calls: { topic: string; records: JsonRecord[] }[][] = [];
  let release: () => void = () => undefined;
  const producer = {
    sendBatch(batch: { topic: string; records: JsonRecord[] }[]) {
      calls.push(batch);
      return new Promise<void>((resolve, reject) => {
        release = () => (fail ? reject(new Error('broker down')) : resolve());
      });
    },
  };
  return { producer, calls, release: () => release() };
}

describe('CoalescingProducer', () => {
  it('sends records of one turn in one request and those arriving meanwhile in the next', async () => {
    const f = fake();
    const p = new CoalescingProducer(f.producer);
    const first = [p.send('a', [{ value: 1 }]), p.send('b', [{ value: 2 }]), p.send('a', [{ value: 3 }])];
    await new Promise((r) => setImmediate(r));
    expect(f.calls).toHaveLength(1);
    expect(f.calls[0]).toEqual([{ topic: 'a', records: [{ value: 1 }, { value: 3 }] }, { topic: 'b', records: [{ value: 2 }] }]);
    const second = [p.send('a', [{ value: 4 }]), p.send('a', [{ value: 5 }])];
    expect(f.calls).toHaveLength(1); // the first request is still out
    f.release();
    await Promise.all(first);
    await new Promise((r) => setImmediate(r));
    expect(f.calls[1]).toEqual([{ topic: 'a', records: [{ value: 4 }, { value: 5 }] }]);
    f.release();
    await Promise.all(second);
  });

  it('rejects every record of a failed request so their senders can report it', async () => {
    const f = fake(true);
    const p = new CoalescingProducer(f.producer);
    const sends = [p.send('a', [{ value: 1 }]), p.send('a', [{ value: 2 }])];
    await new Promise((r) => setImmediate(r));
    f.release();
    await expect(Promise.all(sends)).rejects.toThrow('broker down');
  });
});
