// The web client in a real Chromium against GoChat's real processes: two people sign up in two
// browser contexts, become friends and chat both ways; one loses the network (its connections
// reset through a cut proxy, the context offline) while the other writes, then comes back and
// sees what it missed, and what it typed meanwhile reaches the other side; a recall disappears
// on the other side; unread badges count right; presence dots follow, and after a reload show
// who is online (or not) before any presence event, as the "Read" marks show what the other side
// read; a group, history paging, the world room, guests and logging out work.
// Alice reaches gateway 1 through the cut proxy, Bob gateway 2 directly.
// GOCHAT_SCREENSHOT=1 also writes docs/images/web-chat.png (Alice's chat with Bob, once the
// conversation above has happened).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isId } from '../../contract/index.ts';
import { uniqueName } from '../helpers/config.ts';
import { api } from '../realtime/clients.ts';
import { startCluster, waitFor, type Cluster } from '../realtime/harness.ts';
import { ChatPage, expectOrderedOnce } from './chat-page.ts';
import { launchChromium } from './chromium.ts';
import { startCutProxy, type CutProxy } from './cut-proxy.ts';
import { ensureWebBuild } from './web-build.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCREENSHOT = path.join(ROOT, 'docs', 'images', 'web-chat.png');

let cluster: Cluster | undefined;
let proxy: CutProxy | undefined;
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];
/** Uncaught exceptions and security-policy violations in any page: none is expected. */
const pageProblems: string[] = [];

let alice: ChatPage;
let bob: ChatPage;
const names = { alice: uniqueName('alice').slice(0, 24), bob: uniqueName('bob').slice(0, 24) };

async function person(baseUrl: string, who: string): Promise<ChatPage> {
  const context = await browser!.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'UTC' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => pageProblems.push(`${who}: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) pageProblems.push(`${who}: ${msg.text()}`);
  });
  return new ChatPage(page, baseUrl);
}

async function setNickname(p: ChatPage, nickname: string): Promise<void> {
  const r = await api(p.baseUrl, 'PUT', '/users/profile', await p.token(), { nickname });
  expect(r.status).toBe(200);
}

beforeAll(async () => {
  ensureWebBuild();
  // Friends hear a lost connection as "offline" after OFFLINE_DELAY_MS: short here, so the
  // presence dots can be seen to change within the test.
  const [started, launched] = await Promise.allSettled([startCluster({ gateways: 2, env: { OFFLINE_DELAY_MS: '1000' } }), launchChromium()]);
  // Whichever came up is stopped in afterAll, whatever else failed.
  if (started.status === 'fulfilled') cluster = started.value;
  if (launched.status === 'fulfilled') browser = launched.value;
  if (started.status === 'rejected') throw started.reason;
  if (launched.status === 'rejected') throw launched.reason;
  const [gw1, gw2] = cluster!.gateways as [Cluster['gateways'][0], Cluster['gateways'][0]];
  proxy = await startCutProxy(Number(new URL(gw1.url).port));
  alice = await person(proxy.url, 'alice');
  bob = await person(gw2.url, 'bob');
}, 180_000);

afterAll(async () => {
  await Promise.allSettled(contexts.map((c) => c.close()));
  await browser?.close().catch(() => undefined);
  await proxy?.close();
  await cluster?.stop();
}, 60_000);

describe('web client in Chromium', () => {
  it('serves the client under /app, and signs two people up who become friends', { timeout: 60_000 }, async () => {
    await Promise.all([alice.signUp(names.alice), bob.signUp(names.bob)]);
    // Nicknames, then a reload: the session survives it and the header shows the new name.
    await Promise.all([setNickname(alice, 'Alice'), setNickname(bob, 'Bob')]);
    await Promise.all([alice.page.reload(), bob.page.reload()]);
    await Promise.all([alice.waitState('online'), bob.waitState('online')]);
    await waitFor('names in the header', async () => (await alice.id('me-name').textContent()) === 'Alice' && (await bob.id('me-name').textContent()) === 'Bob');

    await alice.befriend(names.bob);
    // Bob hears of the request live: the badge on Friends.
    await bob.page.locator('[data-testid="friends-badge"]:not([hidden])', { hasText: '1' }).waitFor({ timeout: 20_000 });
    await bob.accept(names.alice);
    await Promise.all([alice.conversation('Bob').waitFor({ timeout: 20_000 }), bob.conversation('Alice').waitFor({ timeout: 20_000 })]);
  });

  it('chats both ways, with read receipts', { timeout: 60_000 }, async () => {
    await Promise.all([alice.open('Bob'), bob.open('Alice')]);
    await alice.send('Hi Bob! Are we still on for the hike on Saturday?');
    await bob.sees('Hi Bob! Are we still on for the hike on Saturday?');
    await bob.send('Yes! Meet at the trailhead at 9?');
    await alice.sees('Yes! Meet at the trailhead at 9?');
    await alice.send('Perfect. I will bring the map.');
    await bob.sees('Perfect. I will bring the map.');
    // Bob has the chat open: Alice's messages turn "Read".
    await alice.message('Perfect. I will bring the map.').getByTestId('read-receipt').waitFor({ timeout: 20_000 });
    for (const p of [alice, bob]) {
      const rows = await p.shown();
      expect(rows.map((r) => r.text)).toEqual(['Hi Bob! Are we still on for the hike on Saturday?', 'Yes! Meet at the trailhead at 9?', 'Perfect. I will bring the map.']);
      expectOrderedOnce(rows);
    }
  });

  it('still shows after a reload what the other side read, and that it is online', { timeout: 60_000 }, async () => {
    await alice.page.reload();
    await alice.waitState('online');
    // The chat opens again at its address, and no read or presence event has come since the reload.
    await alice.page.locator('[data-testid="chat-title"]', { hasText: 'Bob' }).waitFor({ timeout: 20_000 });
    await alice.sees('Perfect. I will bring the map.');
    await alice.message('Perfect. I will bring the map.').getByTestId('read-receipt').waitFor({ timeout: 20_000 });
    await alice.conversation('Bob').locator('[data-testid="presence-dot"][data-online="true"]').waitFor({ timeout: 20_000 });
    await alice.page.locator('[data-testid="chat-subtitle"][data-online="true"]', { hasText: 'Online' }).waitFor();
  });

  it('counts unread messages in the list and clears them once the chat is read', { timeout: 60_000 }, async () => {
    await bob.id('nav-friends').click();
    await bob.id('friends-view').waitFor();
    const unread = ['Also: the forecast says sun all day', 'Bring sunscreen', 'And water, lots of water'];
    for (const text of unread) await alice.send(text);
    await waitFor('three unread on Bob\'s side', async () => (await bob.unread('Alice')) === '3', 20_000);
    // Nothing was marked read while Bob looked elsewhere.
    expect(await alice.message('And water, lots of water').getByTestId('read-receipt').count()).toBe(0);
    await bob.open('Alice');
    for (const text of unread) await bob.sees(text);
    await waitFor('the badge cleared', async () => (await bob.unread('Alice')) === '', 20_000);
    await alice.message('And water, lots of water').getByTestId('read-receipt').waitFor({ timeout: 20_000 });
  });

  it('shows what was missed offline after the reconnect, and sends what was typed offline', { timeout: 90_000 }, async () => {
    const before = (await bob.shown()).length;
    // Alice's network goes: every connection through the proxy is reset, new ones refused.
    await alice.page.context().setOffline(true);
    proxy!.cut();
    await alice.waitState('reconnecting');
    // Bob's list and chat header show her offline once the gateway confirmed it.
    await bob.conversation('Alice').locator('[data-testid="presence-dot"][data-online="false"]').waitFor({ timeout: 20_000 });
    await bob.page.locator('[data-testid="chat-subtitle"]', { hasText: 'Last seen' }).waitFor();
    // Reloaded, Bob's page knows it from the friend list alone: offline, since when unknown.
    await bob.page.reload();
    await bob.waitState('online');
    await bob.page.locator('[data-testid="chat-subtitle"][data-online="false"]', { hasText: 'Offline' }).waitFor({ timeout: 20_000 });
    await bob.conversation('Alice').locator('[data-testid="presence-dot"][data-online="false"]').waitFor();

    const missed = ['Running ten minutes late, sorry', 'Grabbing coffee on the way, want one?'];
    for (const text of missed) await bob.send(text);
    for (const text of missed) await bob.sees(text);

    const typedOffline = 'Yes please, a flat white!';
    await alice.send(typedOffline);
    const pending = alice.id('pending-message').filter({ hasText: typedOffline });
    await pending.waitFor();
    expect(await pending.textContent()).toContain('Waiting for connection');
    expect(await alice.message(missed[0]!).count()).toBe(0);
    // Nothing left Alice's browser while it was offline.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await bob.message(typedOffline).count()).toBe(0);

    await alice.page.context().setOffline(false);
    proxy!.resume();
    await alice.waitState('online', 30_000);
    for (const text of missed) await alice.sees(text, 30_000);
    await alice.sees(typedOffline, 30_000);
    await pending.waitFor({ state: 'detached', timeout: 20_000 });
    await bob.sees(typedOffline, 30_000);
    await bob.conversation('Alice').locator('[data-testid="presence-dot"][data-online="true"]').waitFor({ timeout: 20_000 });
    await bob.page.locator('[data-testid="chat-subtitle"][data-online="true"]', { hasText: 'Online' }).waitFor();

    for (const p of [alice, bob]) {
      const rows = await p.shown();
      expectOrderedOnce(rows);
      for (const text of [...missed, typedOffline]) expect(rows.filter((r) => r.text === text), `${text} once`).toHaveLength(1);
    }
    expect((await bob.shown()).length).toBe(before + missed.length + 1);
    // Alice's copy of her offline message is the stored one, and Bob has read up to it.
    const mine = (await alice.shown()).find((r) => r.text === typedOffline);
    expect(mine?.own).toBe(true);
  });

  it('recalls a message: it disappears on the other side', { timeout: 60_000 }, async () => {
    const oops = 'Meet at the north entrance';
    await alice.send(oops);
    await bob.sees(oops);
    const id = await alice.message(oops).getAttribute('data-message-id');
    expect(isId(id)).toBe(true);
    await alice.message(oops).hover();
    await alice.message(oops).getByTestId('recall-button').click();
    const onBob = bob.page.locator(`[data-testid="message"][data-message-id="${id}"]`);
    await onBob.getByTestId('message-recalled').waitFor({ timeout: 20_000 });
    expect(await bob.id('chat-view').getByText(oops).count()).toBe(0);
    await alice.page.locator(`[data-testid="message"][data-message-id="${id}"] [data-testid="message-recalled"]`).waitFor();
    await alice.send('Sorry — I meant the south entrance. See you there!');
    await bob.sees('Sorry — I meant the south entrance. See you there!');
  });

  it('creates a group, adds a friend to it, and both talk there and in the world room', { timeout: 60_000 }, async () => {
    await alice.id('nav-new-group').click();
    await alice.id('group-name-input').fill('Saturday hike');
    // Bob is offered, but the group starts with Alice alone; he is added from the chat.
    await alice.page.locator(`[data-testid="group-member-option"][data-username="${names.bob}"]`).waitFor();
    await alice.id('group-create-submit').click();
    await alice.page.locator('[data-testid="chat-title"]', { hasText: 'Saturday hike' }).waitFor({ timeout: 20_000 });
    await alice.page.locator('[data-testid="chat-subtitle"]', { hasText: '1 member' }).waitFor();
    await alice.id('add-members').click();
    await alice.page.locator(`[data-testid="add-member-option"][data-username="${names.bob}"]`).check();
    await alice.id('add-members-submit').click();
    await alice.page.locator('[data-testid="chat-subtitle"]', { hasText: '2 members' }).waitFor({ timeout: 20_000 });
    await alice.send('Who is bringing snacks?');
    await bob.conversation('Saturday hike').waitFor({ timeout: 20_000 });
    await bob.open('Saturday hike');
    await bob.sees('Who is bringing snacks?');
    await bob.send('I will bring trail mix');
    await alice.sees('I will bring trail mix');

    // The world room is shared with everyone (other runs too): the message is found by its id.
    const hello = 'Hello everyone! Anyone else out hiking this weekend?';
    await Promise.all([alice.id('open-world').click(), bob.id('open-world').click()]);
    await Promise.all([alice.page.locator('[data-testid="chat-title"]', { hasText: 'World' }).waitFor(), bob.page.locator('[data-testid="chat-title"]', { hasText: 'World' }).waitFor()]);
    const helloId = await bob.sendStored(hello);
    await alice.seesId(helloId, hello, 30_000);

    if (process.env.GOCHAT_SCREENSHOT === '1') {
      // Alice's chat with Bob as it stands now, settled: no notices, no hover, scrolled to the end.
      await alice.open('Bob');
      await alice.page.mouse.move(640, 30);
      await waitFor('notices gone', async () => (await alice.id('toast').count()) === 0, 15_000);
      mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await alice.page.screenshot({ path: SCREENSHOT });
      console.warn(`wrote ${path.relative(ROOT, SCREENSHOT)}`);
    }
  });

  it('pages history by seq: the latest page first, older ones by button and by scrolling up', { timeout: 60_000 }, async () => {
    // Alice's own messages, sent over REST: after a reload her client holds none of them.
    await alice.open('Saturday hike');
    const groupId = /#\/c\/(\d+)$/.exec(alice.page.url())?.[1];
    expect(groupId).toBeDefined();
    const token = await alice.token();
    const extra = 85;
    const total = extra + 2;
    for (let i = 1; i <= extra; i += 10) {
      const batch = Array.from({ length: Math.min(10, extra - i + 1) }, (_, k) => i + k);
      const sent = await Promise.all(batch.map((n) => api(alice.baseUrl, 'POST', `/conversations/${groupId}/messages`, token, { client_msg_id: `hist-${names.alice}-${n}`, content: `Trail note ${n}` })));
      for (const r of sent) expect([201, 202]).toContain(r.status);
    }
    // A 202 means stored a moment later: all of them must be in before the reload lists the group.
    await waitFor('every note stored', async () => {
      const r = await api<{ conversation: { last_seq: number } }>(alice.baseUrl, 'GET', `/conversations/${groupId}`, token);
      return r.body.conversation.last_seq === total;
    }, 20_000, 100);
    // A reload on the chat's own address opens it again, with the newest page only.
    await alice.page.reload();
    await alice.waitState('online');
    await waitFor('the newest page shown', async () => (await alice.shown()).at(-1)?.seq === total, 20_000);
    const firstPage = await alice.shown();
    expect(firstPage.map((r) => r.seq)).toEqual(Array.from({ length: firstPage.length }, (_, i) => total - firstPage.length + 1 + i));
    expect(firstPage.length).toBeLessThanOrEqual(total - 2 * 10);
    // The button, pressed where it is (a real click would scroll it into view, and scrolling up loads too).
    await alice.id('load-older').dispatchEvent('click');
    await waitFor('a second page', async () => (await alice.shown()).length > firstPage.length, 20_000);
    await alice.id('load-older').waitFor();
    // Scrolling to the top loads the rest.
    await alice.page.evaluate("document.querySelector('[data-testid=\"message-list\"]').scrollTop = 0");
    await alice.id('history-start').waitFor({ timeout: 20_000 });
    const all = await alice.shown();
    expect(all.map((r) => r.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(all[0]?.text).toBe('Who is bringing snacks?');
  });

  it('lets a guest in to the world room, and logging out returns to the sign-in screen', { timeout: 60_000 }, async () => {
    const guest = await person(cluster!.gateways[1]!.url, 'guest');
    await guest.page.goto(`${guest.baseUrl}/app/`);
    await guest.id('guest-submit').click();
    await guest.waitState('online');
    expect(await guest.id('me-name').textContent()).toMatch(/^guest/);
    await guest.id('open-world').click();
    await guest.page.locator('[data-testid="chat-title"]', { hasText: 'World' }).waitFor();
    const hello = 'Hi all, just looking around';
    const helloId = await guest.sendStored(hello);
    await alice.id('open-world').click();
    await alice.seesId(helloId, hello, 30_000);
    await guest.id('logout').click();
    await guest.id('login-view').waitFor();
    await guest.page.reload();
    await guest.id('login-view').waitFor();
  });

  it('threw nothing and broke no content security policy in any page', () => {
    expect(pageProblems).toEqual([]);
  });
});
