// How times, names and message previews read in the client.
import type { WireMessage } from '../../contract/index.ts';

type Named = { username: string; nickname: string | null };

export const displayName = (u: Named | undefined, fallback = 'Someone'): string => u?.nickname?.trim() || u?.username || fallback;

const time = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' });
const day = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' });
const fullDay = new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' });

const startOfDay = (ms: number) => new Date(ms).setHours(0, 0, 0, 0);

export const clockTime = (ms: number): string => time.format(ms);

/** For the conversation list: the time today, "Yesterday", or the date. */
export function shortWhen(ms: number, now = Date.now()): string {
  const days = Math.round((startOfDay(now) - startOfDay(ms)) / 86_400_000);
  if (days <= 0) return time.format(ms);
  if (days === 1) return 'Yesterday';
  return day.format(ms);
}

/** "Last seen at 9:41 AM", "Last seen yesterday", "Last seen Mar 3". */
export function lastSeenText(ms: number, now = Date.now()): string {
  const days = Math.round((startOfDay(now) - startOfDay(ms)) / 86_400_000);
  if (days <= 0) return `Last seen at ${time.format(ms)}`;
  if (days === 1) return 'Last seen yesterday';
  return `Last seen ${day.format(ms)}`;
}

/** For a separator between days in a chat. */
export function dayLabel(ms: number, now = Date.now()): string {
  const days = Math.round((startOfDay(now) - startOfDay(ms)) / 86_400_000);
  if (days === 0) return 'Today';
  if (days === 1) return 'Yesterday';
  return fullDay.format(ms);
}

export const sameDay = (a: number, b: number): boolean => startOfDay(a) === startOfDay(b);

export function previewOf(m: WireMessage | null, mine: boolean, senderName?: string): string {
  if (!m) return 'No messages yet';
  const who = mine ? 'You: ' : senderName ? `${senderName}: ` : '';
  if (m.recalled) return `${mine ? 'You' : (senderName ?? 'Someone')} recalled a message`;
  const text = m.msg_type === 1 ? m.content.replace(/\s+/g, ' ').trim() : '[unsupported message]';
  return who + text;
}
