// Short notices in a corner: refusals, friend requests, what just happened.
import { h } from '../dom.ts';

let host: HTMLElement | undefined;

export function toast(message: string, kind: 'info' | 'error' | 'success' = 'info', ms = 4500): void {
  if (!host || !host.isConnected) {
    host = h('div', { class: 'toasts', attrs: { 'aria-live': 'polite' } });
    document.body.append(host);
  }
  const el = h('div', { class: `toast toast-${kind}`, testid: 'toast', attrs: { role: kind === 'error' ? 'alert' : 'status' } }, message);
  host.append(el);
  window.setTimeout(() => {
    el.classList.add('leaving');
    window.setTimeout(() => el.remove(), 300);
  }, ms);
}
