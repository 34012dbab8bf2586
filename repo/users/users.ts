import type { RepoCtx } from '../context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { bool, idOf, inTransaction, isUniqueViolation, marks, ms, rows, run, type Row } from '../sql.ts';
import type { Id, UserCredentials, UserView } from '../types.ts';
import { checkBool, checkId, checkIds, checkInt, checkOptionalString, checkString } from '../validate.ts';
import { bumpVersions, publishVersions } from '../cache.ts';
import { NICKNAME_MAX, URL_MAX, USERNAME_MAX } from './user.entity.ts';

const USERNAME = { min: 3, max: USERNAME_MAX, pattern: /^[A-Za-z0-9_.-]+$/, hint: 'letters, digits, _ . and -' };
const COLUMNS = 'id, username, nickname, avatar_url, is_guest, created_at, updated_at';

export function toUserView(r: Row): UserView {
  return {
    id: idOf(r.id),
    username: r.username as string,
    nickname: (r.nickname as string | null) ?? null,
    avatarUrl: (r.avatar_url as string | null) ?? null,
    isGuest: bool(r.is_guest),
    createdAt: ms(r.created_at),
    updatedAt: ms(r.updated_at),
  };
}

export async function createUser(
  ctx: RepoCtx,
  input: { username: string; passwordHash: string; nickname?: string | null; avatarUrl?: string | null; isGuest?: boolean },
): Promise<UserView> {
  const username = checkString('username', input.username, USERNAME);
  const passwordHash = checkString('passwordHash', input.passwordHash, { min: 1, max: 255 });
  const nickname = checkOptionalString('nickname', input.nickname, { max: NICKNAME_MAX });
  const avatarUrl = checkOptionalString('avatarUrl', input.avatarUrl, { max: URL_MAX });
  const isGuest = input.isGuest === undefined ? false : checkBool('isGuest', input.isGuest);
  const now = new Date();
  try {
    const res = await run(
      ctx.em,
      'INSERT INTO users (username, password_hash, nickname, avatar_url, is_guest, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [username, passwordHash, nickname, avatarUrl, isGuest, now, now],
    );
    return { id: res.insertId, username, nickname, avatarUrl, isGuest, createdAt: now.getTime(), updatedAt: now.getTime() };
  } catch (err) {
    if (isUniqueViolation(err, 'uq_users_username')) throw new ConflictError('username_taken', `username "${username}" is taken`);
    throw err;
  }
}

export async function getUser(ctx: RepoCtx, id: Id): Promise<UserView | null> {
  checkId('userId', id);
  const [row] = await rows(ctx.em, `SELECT ${COLUMNS} FROM users WHERE id = ?`, [id]);
  return row ? toUserView(row) : null;
}

export async function getUsers(ctx: RepoCtx, ids: Id[]): Promise<UserView[]> {
  const wanted = checkIds('userIds', ids);
  if (wanted.length === 0) return [];
  const found = await rows(ctx.em, `SELECT ${COLUMNS} FROM users WHERE id IN (${marks(wanted.length)})`, wanted);
  const byId = new Map(found.map((r) => [idOf(r.id), toUserView(r)]));
  return wanted.flatMap((id) => byId.get(id) ?? []);
}

export async function getUserCredentials(ctx: RepoCtx, username: string): Promise<UserCredentials | null> {
  checkString('username', username, { max: USERNAME_MAX });
  const [row] = await rows(ctx.em, 'SELECT id, username, password_hash, is_guest FROM users WHERE username = ?', [username]);
  if (!row) return null;
  return { id: idOf(row.id), username: row.username as string, passwordHash: row.password_hash as string, isGuest: bool(row.is_guest) };
}

/** Prefix matches (index range on the unique username index) first, then substring matches. */
export async function searchUsers(ctx: RepoCtx, query: string, limit: number, opts: { excludeUserId?: Id } = {}): Promise<UserView[]> {
  const q = checkString('query', query, { min: 1, max: USERNAME_MAX });
  checkInt('limit', limit, 1, 100);
  const exclude = opts.excludeUserId === undefined ? '0' : checkId('excludeUserId', opts.excludeUserId);
  const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  const found = await rows(
    ctx.em,
    `SELECT ${COLUMNS}, CASE WHEN username LIKE ? THEN 0 ELSE 1 END AS rank_
       FROM users
      WHERE username LIKE ? AND id <> ?
      ORDER BY rank_, CHAR_LENGTH(username), username
      LIMIT ?`,
    [`${escaped}%`, `%${escaped}%`, exclude, limit],
  );
  return found.map(toUserView);
}

export async function updateUserProfile(ctx: RepoCtx, id: Id, patch: { nickname?: string | null; avatarUrl?: string | null }): Promise<UserView> {
  checkId('userId', id);
  if (typeof patch !== 'object' || patch === null) throw new ValidationError('patch', 'must be an object');
  const sets: string[] = [];
  const params: unknown[] = [];
  if (patch.nickname !== undefined) {
    sets.push('nickname = ?');
    params.push(checkOptionalString('nickname', patch.nickname, { max: NICKNAME_MAX }));
  }
  if (patch.avatarUrl !== undefined) {
    sets.push('avatar_url = ?');
    params.push(checkOptionalString('avatarUrl', patch.avatarUrl, { max: URL_MAX }));
  }
  const conversationIds = await inTransaction(ctx.em, async (tem) => {
    const res = await run(tem, `UPDATE users SET ${[...sets, 'updated_at = ?'].join(', ')} WHERE id = ?`, [...params, new Date(), id]);
    if (res.affectedRows === 0) throw new NotFoundError('user', id);
    // Conversation lists show the last sender's name and avatar: lists of the conversations
    // where this user is the last sender must see the change.
    const affected = await rows(
      tem,
      `SELECT c.id FROM conversation_members cm
         JOIN conversations c ON c.id = cm.conversation_id
         JOIN messages m ON m.id = c.last_message_id
        WHERE cm.user_id = ? AND m.sender_id = ?`,
      [id, id],
    );
    const ids = affected.map((r) => idOf(r.id));
    return bumpVersions(tem, ids);
  });
  await publishVersions(ctx.redis, conversationIds);
  const user = await getUser(ctx, id);
  if (!user) throw new NotFoundError('user', id);
  return user;
}
