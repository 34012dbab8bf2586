import { describe, expect, it } from 'vitest';
import { createGroupConversation, getMemberIdsOf } from '../../repo/index.ts';
import { setupFixture } from './fixture.ts';

const f = await setupFixture();

describe('getMemberIdsOf', () => {
  it('lists the members of several conversations in one query, unknown ones empty', async () => {
    const [a, b, c] = await f.users(3);
    const one = await createGroupConversation(f.ctx(), { ownerId: a!.id, name: 'one', memberIds: [b!.id] });
    const two = await createGroupConversation(f.ctx(), { ownerId: c!.id, name: 'two', memberIds: [a!.id] });
    const found = await getMemberIdsOf(f.ctx(), [one.id, two.id, '999999999999']);
    expect(found.get(one.id)?.sort()).toEqual([a!.id, b!.id].sort());
    expect(found.get(two.id)?.sort()).toEqual([a!.id, c!.id].sort());
    expect(found.get('999999999999')).toEqual([]);
    expect((await getMemberIdsOf(f.ctx(), [])).size).toBe(0);
  });
});
