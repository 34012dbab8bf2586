// One message in a chat: a bubble, its time and state (sent, read, waiting for the network),
// the sender's name in groups, and a recall action on your own.
import type { PendingSend } from '../../../sdk/src/index.ts';
import type { WireMessage } from '../../../contract/index.ts';
import { button, h } from '../dom.ts';
import { clockTime } from '../format.ts';

export interface MessageOptions {
  mine: boolean;
  /** Shown above the bubble (others' messages in groups, first of a run). */
  senderName?: string | undefined;
  /** Own messages in 1:1 chats: whether the other person has read it. */
  receipt?: 'sent' | 'read' | undefined;
  /** Show the receipt in words (the newest own message), not only in data-status. */
  showReceipt?: boolean;
  onRecall?: (() => void) | undefined;
  recalling?: boolean;
}

export function messageItem(m: WireMessage, o: MessageOptions): HTMLElement {
  const status = m.recalled ? 'recalled' : (o.receipt ?? 'sent');
  const body = m.recalled
    ? h('div', { class: 'bubble bubble-recalled', testid: 'message-recalled' }, o.mine ? 'You recalled this message' : 'This message was recalled')
    : h('div', { class: 'bubble' }, h('span', { class: 'message-text', testid: 'message-content' }, m.msg_type === 1 ? m.content : 'This kind of message cannot be shown here.'));
  const meta = h('div', { class: 'message-meta' },
    h('time', { attrs: { datetime: new Date(m.created_at).toISOString() }, title: new Date(m.created_at).toLocaleString('en-US') }, clockTime(m.created_at)),
    o.mine && o.receipt && o.showReceipt && !m.recalled
      ? h('span', { class: `receipt receipt-${o.receipt}`, testid: o.receipt === 'read' ? 'read-receipt' : 'sent-receipt' }, o.receipt === 'read' ? 'Read' : 'Sent')
      : null,
    o.mine && o.onRecall && !m.recalled
      ? button(o.recalling ? 'Recalling…' : 'Recall', { kind: 'link', class: 'recall', testid: 'recall-button', attrs: { disabled: o.recalling ?? false }, on: { click: o.onRecall } })
      : null,
  );
  return h('div', {
    class: `message ${o.mine ? 'mine' : 'theirs'}${m.recalled ? ' recalled' : ''}`,
    testid: 'message',
    data: { messageId: m.message_id, seq: m.seq, own: o.mine, status },
  },
  o.senderName ? h('div', { class: 'message-sender' }, o.senderName) : null,
  body,
  meta,
  );
}

export function pendingItem(p: PendingSend, online: boolean): HTMLElement {
  return h('div', { class: 'message mine pending', testid: 'pending-message', data: { clientMsgId: p.clientMsgId, status: 'pending' } },
    h('div', { class: 'bubble' }, h('span', { class: 'message-text', testid: 'message-content' }, p.content)),
    h('div', { class: 'message-meta' }, h('span', { class: 'receipt receipt-pending' }, online ? 'Sending…' : 'Waiting for connection…')),
  );
}

export function daySeparator(label: string): HTMLElement {
  return h('div', { class: 'day-separator', attrs: { role: 'separator' } }, h('span', {}, label));
}
