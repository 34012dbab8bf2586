// The connection indicator: where the client's socket stands, in words and colour.
import type { ConnectionState, GoChat } from '../../../sdk/src/index.ts';
import { h } from '../dom.ts';

const LABELS: Record<ConnectionState, string> = {
  idle: 'Not connected',
  connecting: 'Connecting…',
  online: 'Online',
  reconnecting: 'Reconnecting…',
  closed: 'Offline',
};

export function connectionIndicator(client: GoChat): { el: HTMLElement; dispose: () => void } {
  const label = h('span', { class: 'conn-label' });
  const el = h('span', { class: 'conn', testid: 'connection-state', attrs: { role: 'status', 'aria-live': 'polite' } }, h('span', { class: 'conn-dot' }), label);
  const show = (state: ConnectionState) => {
    el.dataset.state = state;
    label.textContent = LABELS[state];
    el.title = state === 'reconnecting' ? 'The connection dropped; messages you send are kept and go out once it is back.' : LABELS[state];
  };
  show(client.state);
  return { el, dispose: client.on('state', show) };
}
