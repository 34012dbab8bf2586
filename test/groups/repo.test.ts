// Group administration and conversation settings in the repo: the store refuses sends in a
// dissolved group, from a member muted until a time still ahead (not once it passed) and from
// members while mute-all is on (owner and admins exempt), on both store paths and in the same
// batch as allowed messages; the conversation list puts pinned ones first, leaves hidden ones out
// until a new message, reports do-not-disturb, and its cache follows every such write.
import { describe, expect, it } from 'vitest';
import {
  createGroupConversation, dissolveGroup, getConversation, getSendRefusal, getUserConversationsWithDetails, saveMessage, saveMessagesAcross,
  setMemberMute, setMemberRole, setMuteAll, updateConversationSettings, updateGroup, type SaveMessageInput,
} from '../../repo/index.ts';
import { setupFixture } from '../repo/fixture.ts';

const f = await setupFixture();

let n = 0;
const input = (conversationId: string, senderId: string): SaveMessageInput =>
  ({ conversationId, senderId, clientMsgId: `gr-${Date.now()}-${n++}`, messageType: 1, content: `text ${n}` });
const codeOf = (r: { ok: boolean; code?: string }) => (r.ok ? 'ok' : r.code);

async function group(n = 3) {
  const [owner, ...others] = await f.users(n);
  const conversation = await createGroupConversation(f.ctx(), { ownerId: owner!.id, name: 'admin', memberIds: others.map((u) => u.id) });
  return { id: conversation.id, owner: owner!.id, members: others.map((u) => u.id) };
}

async function batch(conversationId: string, inputs: SaveMessageInput[]) {
  const out = await saveMessagesAcross(f.ctx(), new Map([[conversationId, inputs]]));
  return out.get(conversationId)!.results.map(codeOf);
}

const listOf = async (userId: string) => (await getUserConversationsWithDetails(f.ctx(), userId, 0, 50)).map((i) => i.conversation.id);

describe('sends under group administration', () => {
  it('a timed mute refuses until it passes, a mute without an end until unmuted', async () => {
    const g = await group(3);
    const [m1, m2] = g.members as [string, string];
    await setMemberMute(f.ctx(), g.id, m1, { until: new Date(Date.now() + 1500) });
    await setMemberMute(f.ctx(), g.id, m2, { until: null });
    expect(await batch(g.id, [input(g.id, m1), input(g.id, m2), input(g.id, g.owner)])).toEqual(['muted', 'muted', 'ok']);
    await expect(saveMessage(f.ctx(), input(g.id, m1))).rejects.toMatchObject({ code: 'muted' });
    await new Promise((r) => setTimeout(r, 1600));
    expect(await batch(g.id, [input(g.id, m1), input(g.id, m2)])).toEqual(['ok', 'muted']);
    expect(await setMemberMute(f.ctx(), g.id, m2, null)).toBe(true);
    expect(await batch(g.id, [input(g.id, m2)])).toEqual(['ok']);
    expect(await setMemberMute(f.ctx(), g.id, (await f.user()).id, null)).toBe(false);
  });

  it('mute-all refuses members but not the owner or admins', async () => {
    const g = await group(3);
    const [admin, member] = g.members as [string, string];
    await setMemberRole(f.ctx(), g.id, admin, 'admin');
    expect((await setMuteAll(f.ctx(), g.id, true)).muteAll).toBe(true);
    expect(await batch(g.id, [input(g.id, member), input(g.id, admin), input(g.id, g.owner)])).toEqual(['group_muted', 'ok', 'ok']);
    await expect(saveMessage(f.ctx(), input(g.id, member))).rejects.toMatchObject({ code: 'group_muted' });
    await setMuteAll(f.ctx(), g.id, false);
    expect(await batch(g.id, [input(g.id, member)])).toEqual(['ok']);
  });

  it('a dissolved group refuses every send and every change, and keeps its history', async () => {
    const g = await group(2);
    const other = await group(2);
    await saveMessage(f.ctx(), input(g.id, g.owner));
    const gone = await dissolveGroup(f.ctx(), g.id);
    expect(gone.dissolvedAt).not.toBeNull();
    const across = await saveMessagesAcross(f.ctx(), new Map([[g.id, [input(g.id, g.owner)]], [other.id, [input(other.id, other.owner)]]]));
    expect(across.get(g.id)!.results.map(codeOf)).toEqual(['group_dissolved']);
    expect(across.get(other.id)!.results.map(codeOf)).toEqual(['ok']);
    await expect(saveMessage(f.ctx(), input(g.id, g.members[0]!))).rejects.toMatchObject({ reason: 'group_dissolved' });
    expect(await getSendRefusal(f.ctx(), g.id, g.owner)).toMatchObject({ code: 'group_dissolved' });
    await expect(updateGroup(f.ctx(), g.id, { name: 'x' })).rejects.toMatchObject({ reason: 'group_dissolved' });
    await expect(dissolveGroup(f.ctx(), g.id)).rejects.toMatchObject({ reason: 'group_dissolved' });
    expect((await getConversation(f.ctx(), g.id))!.lastSeq).toBe(1);
  });

  it('updates name, avatar and announcement, refusing bad input', async () => {
    const g = await group(2);
    expect(await getConversation(f.ctx(), g.id)).toMatchObject({ announcement: null, muteAll: false, dissolvedAt: null });
    const changed = await updateGroup(f.ctx(), g.id, { name: 'renamed', avatarUrl: 'https://x.example/a.png', announcement: 'hello' });
    expect(changed).toMatchObject({ name: 'renamed', avatarUrl: 'https://x.example/a.png', announcement: 'hello' });
    expect(await getConversation(f.ctx(), g.id)).toMatchObject({ name: 'renamed', announcement: 'hello' });
    expect(await updateGroup(f.ctx(), g.id, { announcement: null })).toMatchObject({ name: 'renamed', announcement: null });
    await expect(updateGroup(f.ctx(), g.id, {})).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(updateGroup(f.ctx(), g.id, { name: '' })).rejects.toMatchObject({ field: 'name' });
    await expect(updateGroup(f.ctx(), g.id, { announcement: 'a'.repeat(2001) })).rejects.toMatchObject({ field: 'announcement' });
    await expect(updateGroup(f.ctx(), '999999999999', { name: 'x' })).rejects.toMatchObject({ entity: 'conversation' });
  });
});

describe('conversation settings in the list', () => {
  it('pinned first, hidden left out until a new message, do-not-disturb reported; the cached list follows each write', async () => {
    const [me, other] = await f.users(2);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const c = await createGroupConversation(f.ctx(), { ownerId: other!.id, name: `s${i}`, memberIds: [me!.id] });
      await saveMessage(f.ctx(), input(c.id, other!.id));
      ids.push(c.id);
    }
    const [first, second, third] = ids as [string, string, string];
    expect(await listOf(me!.id)).toEqual([third, second, first]);

    expect(await updateConversationSettings(f.ctx(), first, me!.id, { pinned: true, doNotDisturb: true })).toMatchObject({ doNotDisturb: true, hidden: false });
    expect(await listOf(me!.id)).toEqual([first, third, second]);
    const item = (await getUserConversationsWithDetails(f.ctx(), me!.id, 0, 50))[0]!;
    expect(item.membership).toMatchObject({ doNotDisturb: true });
    expect(item.membership.pinnedAt).not.toBeNull();
    expect(await listOf(other!.id)).toEqual([third, second, first]);

    expect((await updateConversationSettings(f.ctx(), third, me!.id, { hidden: true })).hidden).toBe(true);
    expect(await listOf(me!.id)).toEqual([first, second]);
    await saveMessage(f.ctx(), input(third, other!.id));
    expect(await listOf(me!.id)).toEqual([first, third, second]);

    await updateConversationSettings(f.ctx(), second, me!.id, { hidden: true });
    expect(await listOf(me!.id)).toEqual([first, third]);
    await updateConversationSettings(f.ctx(), second, me!.id, { hidden: false });
    await updateConversationSettings(f.ctx(), first, me!.id, { pinned: false });
    expect(await listOf(me!.id)).toEqual([third, second, first]);
  });

  it('refuses an empty change and a non-member', async () => {
    const g = await group(2);
    const outsider = await f.user();
    await expect(updateConversationSettings(f.ctx(), g.id, g.owner, {})).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(updateConversationSettings(f.ctx(), g.id, outsider.id, { pinned: true })).rejects.toMatchObject({ entity: 'member' });
  });
});
