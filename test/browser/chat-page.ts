// One person using the web client in a browser page: what they click and type, and what they
// see, found by the data-testid attributes the client sets.
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

export interface ShownMessage {
  id: string;
  seq: number;
  text: string;
  own: boolean;
  status: string;
}

export const PASSWORD = 'correct-horse-9';
const WAIT_MS = 20_000;

export class ChatPage {
  readonly page: Page;
  readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  id(testid: string): Locator {
    return this.page.getByTestId(testid);
  }

  async signUp(username: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/app/`);
    await this.id('login-username').fill(username);
    await this.id('login-password').fill(PASSWORD);
    await this.id('signup-submit').click();
    await this.id('app-shell').waitFor({ timeout: WAIT_MS });
    await this.waitState('online');
  }

  /** The token the client keeps for the session (the REST calls a test makes on its behalf). */
  async token(): Promise<string> {
    const raw = await this.page.evaluate<string | null>("localStorage.getItem('gochat.session')");
    const token = raw ? (JSON.parse(raw) as { token?: string }).token : undefined;
    if (!token) throw new Error('no session stored');
    return token;
  }

  async waitState(state: 'online' | 'reconnecting' | 'connecting', timeout = WAIT_MS): Promise<void> {
    await this.page.locator(`[data-testid="connection-state"][data-state="${state}"]`).waitFor({ timeout });
  }

  async befriend(username: string): Promise<void> {
    await this.id('nav-friends').click();
    await this.id('user-search-input').fill(username);
    await this.id('user-search-submit').click();
    const result = this.page.locator(`[data-testid="search-result"][data-username="${username}"]`);
    await result.getByTestId('add-friend').click();
    await result.getByTestId('request-sent').waitFor({ timeout: WAIT_MS });
  }

  async accept(username: string): Promise<void> {
    await this.id('nav-friends').click();
    const request = this.page.locator(`[data-testid="incoming-request"][data-username="${username}"]`);
    await request.getByTestId('accept-request').click();
    await request.waitFor({ state: 'detached', timeout: WAIT_MS });
  }

  conversation(title: string): Locator {
    return this.id('conversation-item').filter({ has: this.page.getByTestId('conversation-title').getByText(title, { exact: true }) });
  }

  async open(title: string): Promise<void> {
    await this.conversation(title).click({ timeout: WAIT_MS });
    await this.page.locator('[data-testid="chat-title"]', { hasText: title }).waitFor({ timeout: WAIT_MS });
    await this.page.locator('[data-testid="history-start"], [data-testid="load-older"]').first().waitFor({ timeout: WAIT_MS });
  }

  async send(text: string): Promise<void> {
    await this.id('composer-input').fill(text);
    await this.id('composer-input').press('Enter');
  }

  /** Sends and waits until the message is stored: its id. */
  async sendStored(text: string): Promise<string> {
    await this.send(text);
    const own = this.page.locator('[data-testid="chat-view"] [data-testid="message"][data-own="true"]').filter({ has: this.page.getByTestId('message-content').getByText(text, { exact: true }) }).last();
    await own.waitFor({ timeout: WAIT_MS });
    const id = await own.getAttribute('data-message-id');
    if (!id) throw new Error(`no id on the stored message "${text}"`);
    return id;
  }

  /** Waits for the message with this id to show, with this text. */
  async seesId(id: string, text: string, timeout = WAIT_MS): Promise<void> {
    await this.page.locator(`[data-testid="chat-view"] [data-testid="message"][data-message-id="${id}"]`).filter({ hasText: text }).waitFor({ timeout });
  }

  /** Stored messages shown in the open chat (pending ones are not among them). */
  messages(): Locator {
    return this.id('chat-view').getByTestId('message');
  }

  message(text: string): Locator {
    return this.messages().filter({ has: this.page.getByTestId('message-content').getByText(text, { exact: true }) });
  }

  async sees(text: string, timeout = WAIT_MS): Promise<void> {
    await this.message(text).waitFor({ timeout });
  }

  /** The open chat's stored messages as shown, top to bottom (read in one go in the page). */
  shown(): Promise<ShownMessage[]> {
    return this.page.evaluate<ShownMessage[]>(`[...document.querySelectorAll('[data-testid="chat-view"] [data-testid="message"]')].map((el) => ({
      id: el.dataset.messageId,
      seq: Number(el.dataset.seq),
      text: el.querySelector('[data-testid="message-content"]')?.textContent ?? '',
      own: el.dataset.own === 'true',
      status: el.dataset.status,
    }))`);
  }

  /** The unread badge of a conversation in the list ('' when it shows none). */
  async unread(title: string): Promise<string> {
    // Read without waiting: the badge may go at any moment.
    const [text] = await this.conversation(title).getByTestId('unread-badge').allTextContents();
    return text ?? '';
  }
}

/** Shown top to bottom in seq order, each message once. */
export function expectOrderedOnce(rows: { id: string; seq: number }[]): void {
  const seqs = rows.map((r) => r.seq);
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  expect(new Set(seqs).size).toBe(seqs.length);
}
