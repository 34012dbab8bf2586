import { describe, expect, it } from 'vitest';
import type { Id } from '../../contract/index.ts';
import type { LogicDeps, SaveInput } from '../../logic/deps.ts';
import { StoreCoalescer } from '../../logic/store-coalescer.ts';

type Saved = Awaited<ReturnType<LogicDeps['saveAll']>>;

function input(conversationId: Id, n: number): SaveInput {
  return { conversationId, senderId: '1', clientMsgId: `c-${conversationId}-${n}`, messageType: 1, content: `m${n}` };
}

function groups(...ids: Id[]): Map<Id, SaveInput[]> {
  return new Map(ids.map((id) => [id, [input(id, 1), input(id, 2)]]));
}

/** A store whose calls wait until released; `poison` makes a call holding that conversation fail. */
function fakeStore(poison?: Id) {
  const calls: Id[][] = [];
  const pending: (() => void)[] = [];
  const save = (g: Map<Id, SaveInput[]>): Promise<Saved> => {
    calls.push([...g.keys()]);
    return new Promise((resolve, reject) => {
      pending.push(() => {
        if (poison && g.has(poison)) reject(new Error(`cannot store ${poison}`));
        else resolve(new Map([...g].map(([id, inputs]) => [id, { conversation: { id, type: 1, memberCount: 2 }, results: inputs.map((i) => ({ ok: false as const, code: 'echo', message: i.clientMsgId })) }])));
      });
    });
  };
  const releaseAll = () => pending.splice(0).forEach((r) => r());
  return { save, calls, releaseAll };
}

/** Lets what is due run: the round scheduled after a transaction's end starts on the next turn. */
const turn = async () => {
  for (let i = 0; i < 2; i++) await new Promise((r) => setImmediate(r));
};

describe('StoreCoalescer', () => {
  it('stores the batches of one turn in one call and answers each with its own conversations', async () => {
    const f = fakeStore();
    const c = new StoreCoalescer(f.save, { maxMessages: 1000, maxInFlight: 1 });
    const a = c.saveAll(groups('1', '2'));
    const b = c.saveAll(groups('3'));
    await turn();
    expect(f.calls).toEqual([['1', '2', '3']]);
    f.releaseAll();
    expect([...(await a).keys()]).toEqual(['1', '2']);
    const onlyB = await b;
    expect([...onlyB.keys()]).toEqual(['3']);
    expect(onlyB.get('3')!.results.map((r) => (r.ok ? '' : r.message))).toEqual(['c-3-1', 'c-3-2']);
  });

  it('lets batches arriving while a transaction is out wait and leave together in the next', async () => {
    const f = fakeStore();
    const c = new StoreCoalescer(f.save, { maxMessages: 1000, maxInFlight: 1 });
    const first = c.saveAll(groups('1'));
    await turn();
    const later = [c.saveAll(groups('2')), c.saveAll(groups('3'))];
    await turn();
    expect(f.calls).toEqual([['1']]);
    f.releaseAll();
    await first;
    await turn();
    expect(f.calls).toEqual([['1'], ['2', '3']]);
    f.releaseAll();
    await Promise.all(later);
  });

  it('starts up to maxInFlight transactions at once', async () => {
    const f = fakeStore();
    const c = new StoreCoalescer(f.save, { maxMessages: 1000, maxInFlight: 2 });
    const first = c.saveAll(groups('1'));
    await turn();
    const second = c.saveAll(groups('2'));
    await turn();
    const third = c.saveAll(groups('3'));
    await turn();
    expect(f.calls).toEqual([['1'], ['2']]);
    f.releaseAll();
    await Promise.all([first, second]);
    await turn();
    expect(f.calls).toEqual([['1'], ['2'], ['3']]);
    f.releaseAll();
    await third;
  });

  it('keeps a later batch of a conversation, and everything behind it, for the next round', async () => {
    const f = fakeStore();
    const c = new StoreCoalescer(f.save, { maxMessages: 1000, maxInFlight: 1 });
    const all = [c.saveAll(groups('1')), c.saveAll(groups('1', '2')), c.saveAll(groups('2')), c.saveAll(groups('3'))];
    await turn();
    expect(f.calls).toEqual([['1', '3']]);
    f.releaseAll();
    await turn();
    await turn();
    expect(f.calls).toEqual([['1', '3'], ['1', '2']]);
    f.releaseAll();
    await turn();
    await turn();
    expect(f.calls).toEqual([['1', '3'], ['1', '2'], ['2']]);
    f.releaseAll();
    await Promise.all(all);
  });

  it('starts no batch of a conversation a transaction out holds, even with room for another', async () => {
    const f = fakeStore();
    const c = new StoreCoalescer(f.save, { maxMessages: 1000, maxInFlight: 2 });
    const first = c.saveAll(groups('1'));
    await turn();
    const sameConversation = c.saveAll(groups('1'));
    const other = c.saveAll(groups('2'));
    await turn();
    expect(f.calls).toEqual([['1'], ['2']]);
    f.releaseAll();
    await Promise.all([first, other]);
    await turn();
    expect(f.calls).toEqual([['1'], ['2'], ['1']]);
    f.releaseAll();
    await sameConversation;
  });

  it('puts no more than maxMessages in a shared call, but a larger batch alone still goes', async () => {
    const f = fakeStore();
    const c = new StoreCoalescer(f.save, { maxMessages: 4, maxInFlight: 1 });
    const all = [c.saveAll(groups('1', '2', '3')), c.saveAll(groups('4')), c.saveAll(groups('5')), c.saveAll(groups('6'))];
    await turn();
    expect(f.calls).toEqual([['1', '2', '3']]);
    f.releaseAll();
    await turn();
    await turn();
    expect(f.calls).toEqual([['1', '2', '3'], ['4', '5']]);
    f.releaseAll();
    await turn();
    await turn();
    f.releaseAll();
    await Promise.all(all);
    expect(f.calls.at(-1)).toEqual(['6']);
  });

  it('stores each batch alone when a shared transaction fails: only the batch that throws fails', async () => {
    const f = fakeStore('2');
    const c = new StoreCoalescer(f.save, { maxMessages: 1000, maxInFlight: 1 });
    const ok = c.saveAll(groups('1'));
    const bad = c.saveAll(groups('2'));
    const alsoOk = c.saveAll(groups('3'));
    await turn();
    f.releaseAll();
    await turn();
    expect(f.calls).toEqual([['1', '2', '3'], ['1'], ['2'], ['3']]);
    f.releaseAll();
    await expect(bad).rejects.toThrow('cannot store 2');
    expect([...(await ok).keys()]).toEqual(['1']);
    expect([...(await alsoOk).keys()]).toEqual(['3']);
  });
});
