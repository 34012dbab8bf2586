import { describe, expect, it } from 'vitest';
import {
  createUser, getUser, getUserCredentials, getUsers, searchUsers, updateUserProfile,
  ConflictError, NotFoundError, ValidationError,
} from '../../repo/index.ts';
import { uniqueName } from '../helpers/config.ts';
import { setupFixture } from './fixture.ts';

const f = await setupFixture();

describe('users', () => {
  it('creates, gets one and many, and hands out credentials by username', async () => {
    const username = uniqueName('alice');
    const u = await createUser(f.ctx(), { username, passwordHash: 'h1', nickname: 'Alice 你好', isGuest: true });
    expect(u).toMatchObject({ username, nickname: 'Alice 你好', avatarUrl: null, isGuest: true });
    expect(typeof u.id).toBe('string');
    expect(await getUser(f.ctx(), u.id)).toEqual(u);
    expect(await getUserCredentials(f.ctx(), username)).toEqual({ id: u.id, username, passwordHash: 'h1', isGuest: true });
    const v = await f.user();
    expect((await getUsers(f.ctx(), [v.id, '999999999999', u.id])).map((x) => x.id)).toEqual([v.id, u.id]);
    expect(await getUsers(f.ctx(), [])).toEqual([]);
    expect(await getUser(f.ctx(), '999999999999')).toBeNull();
    expect(await getUserCredentials(f.ctx(), uniqueName('nobody'))).toBeNull();
  });

  it('refuses taken usernames (case-insensitively) and bad input, writing nothing', async () => {
    const username = uniqueName('bob');
    await createUser(f.ctx(), { username, passwordHash: 'h' });
    await expect(createUser(f.ctx(), { username: username.toUpperCase(), passwordHash: 'h' })).rejects.toBeInstanceOf(ConflictError);
    await expect(createUser(f.ctx(), { username: 'x'.repeat(33), passwordHash: 'h' })).rejects.toMatchObject({ field: 'username' });
    await expect(createUser(f.ctx(), { username: 'with space', passwordHash: 'h' })).rejects.toMatchObject({ field: 'username' });
    await expect(createUser(f.ctx(), { username: 42 as unknown as string, passwordHash: 'h' })).rejects.toBeInstanceOf(ValidationError);
    await expect(createUser(f.ctx(), { username: uniqueName('n'), passwordHash: 'h', nickname: 'n'.repeat(65) })).rejects.toMatchObject({ field: 'nickname' });
    await expect(getUser(f.ctx(), '-1')).rejects.toMatchObject({ field: 'userId' });
    expect(await f.count('SELECT COUNT(*) AS n FROM users WHERE username LIKE ?', [`${username.slice(0, 20)}%`])).toBe(1);
  });

  it('searches by prefix first, then substring, with a limit and an exclusion', async () => {
    const stem = uniqueName('srch').replace(/_/g, '');
    const exact = await createUser(f.ctx(), { username: `${stem}`, passwordHash: 'h' });
    const prefixed = await createUser(f.ctx(), { username: `${stem}zz`, passwordHash: 'h' });
    const inner = await createUser(f.ctx(), { username: `a${stem}`, passwordHash: 'h' });
    expect((await searchUsers(f.ctx(), stem, 10)).map((u) => u.id)).toEqual([exact.id, prefixed.id, inner.id]);
    expect((await searchUsers(f.ctx(), stem, 1)).map((u) => u.id)).toEqual([exact.id]);
    expect((await searchUsers(f.ctx(), stem, 10, { excludeUserId: exact.id })).map((u) => u.id)).toEqual([prefixed.id, inner.id]);
    expect(await searchUsers(f.ctx(), '%', 10).then((r) => r.every((u) => u.username.includes('%')))).toBe(true);
    await expect(searchUsers(f.ctx(), stem, 0)).rejects.toMatchObject({ field: 'limit' });
  });

  it('updates the profile, and fails on unknown users', async () => {
    const u = await f.user();
    const updated = await updateUserProfile(f.ctx(), u.id, { nickname: 'N', avatarUrl: 'https://a/b.png' });
    expect(updated).toMatchObject({ nickname: 'N', avatarUrl: 'https://a/b.png' });
    expect((await updateUserProfile(f.ctx(), u.id, { nickname: null })).nickname).toBeNull();
    await expect(updateUserProfile(f.ctx(), '999999999999', { nickname: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateUserProfile(f.ctx(), u.id, { avatarUrl: 'x'.repeat(513) })).rejects.toMatchObject({ field: 'avatarUrl' });
  });
});
