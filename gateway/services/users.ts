// User lookup, search and the caller's own profile.
import { notFound } from '../errors.ts';
import type { UserView } from './types.ts';

export interface UsersDeps {
  getUser(id: string): Promise<UserView | null>;
  /** Users whose username starts with / contains `q`, registered users first; guests excluded. */
  searchUsers(q: string, limit: number): Promise<UserView[]>;
  updateProfile(id: string, patch: { nickname?: string | null; avatarUrl?: string | null }): Promise<UserView | null>;
}

export function createUsersService(deps: UsersDeps) {
  return {
    async get(id: string): Promise<UserView> {
      const user = await deps.getUser(id);
      if (!user) throw notFound(`user ${id}`);
      return user;
    },

    search(q: string, limit: number): Promise<UserView[]> {
      return deps.searchUsers(q.trim(), limit);
    },

    async updateProfile(id: string, patch: { nickname?: string | null; avatarUrl?: string | null }): Promise<UserView> {
      const user = await deps.updateProfile(id, patch);
      if (!user) throw notFound(`user ${id}`);
      return user;
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
