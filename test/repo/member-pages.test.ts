import { describe, expect, it } from 'vitest';
import { createGroupConversation, getMemberIdsBetween, getMemberPageBounds } from '../../repo/index.ts';
import { setupFixture } from './fixture.ts';

const f = await setupFixture();

describe('member pages of a large conversation', () => {
  it('reads the bounds of every full page after a member and the members of each key range', async () => {
    const users = await f.users(23);
    const ids = users.map((u) => u.id);
    const group = await createGroupConversation(f.ctx(), { ownerId: ids[0]!, name: 'pages', memberIds: ids.slice(1) });
    const sorted = [...ids].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));

    // 20 members above the third: pages of 5 end at the 5th, 10th and 15th of them; the 20th is
    // the last member, so the final page is the open-ended one after the 15th.
    const bounds = await getMemberPageBounds(f.ctx(), group.id, sorted[2]!, 5);
    expect(bounds).toEqual([sorted[7], sorted[12], sorted[17]]);
    expect(await getMemberPageBounds(f.ctx(), group.id, sorted[2]!, 20)).toEqual([]);
    expect(await getMemberPageBounds(f.ctx(), group.id, sorted[2]!, 7)).toEqual([sorted[9], sorted[16]]);

    expect(await getMemberIdsBetween(f.ctx(), group.id, sorted[2]!, sorted[7]!, 100)).toEqual(sorted.slice(3, 8));
    expect(await getMemberIdsBetween(f.ctx(), group.id, sorted[2]!, sorted[7]!, 2)).toEqual(sorted.slice(3, 5));
    expect(await getMemberIdsBetween(f.ctx(), group.id, sorted[17]!, null, 100)).toEqual(sorted.slice(18));
    expect(await getMemberIdsBetween(f.ctx(), group.id, null, sorted[1]!, 100)).toEqual(sorted.slice(0, 2));
    expect(await getMemberIdsBetween(f.ctx(), '999999999999', null, null, 10)).toEqual([]);
  });

  it('refuses malformed ids and sizes', async () => {
    await expect(getMemberPageBounds(f.ctx(), 'x', '1', 5)).rejects.toThrow(/conversationId/);
    await expect(getMemberPageBounds(f.ctx(), '1', '1', 0)).rejects.toThrow(/every/);
    await expect(getMemberIdsBetween(f.ctx(), '1', null, 'y', 5)).rejects.toThrow(/upToUserId/);
  });
});
