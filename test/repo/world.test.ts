import { describe, expect, it } from 'vitest';
import { ensureWorldConversation } from '../../repo/index.ts';
import { setupFixture } from './fixture.ts';

const f = await setupFixture();

describe('the world conversation', () => {
  it('exists once, whoever asks for it and however many ask at the same moment', async () => {
    const owners = await f.users(3);
    const found = await Promise.all(Array.from({ length: 12 }, (_, i) => ensureWorldConversation(f.ctx(), owners[i % 3]!.id)));
    expect(new Set(found.map((c) => c.id)).size).toBe(1);
    expect(found[0]!.type).toBe(3);
    expect((await ensureWorldConversation(f.ctx(), owners[0]!.id)).id).toBe(found[0]!.id);
    expect(await f.count("SELECT COUNT(*) AS n FROM conversations WHERE pair_key = 'world'")).toBe(1);
  });
});
