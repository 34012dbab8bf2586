// A socket that stops reading is closed once it was sent WS_MAX_UNREAD_BYTES after a WebSocket
// ping it has not answered, however much the kernel buffers on either end would still take: here
// the gateway's own queue limit is set far above the flood, so only the unanswered pings can close
// the socket, and the readers beside it get everything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../contract/index.ts';
import { createGroup, registerUser, WsClient } from './clients.ts';
import { startCluster, waitFor, type Cluster } from './harness.ts';

const UNREAD_LIMIT = 2 * 1024 * 1024;
const FRAME_CONTENT = 15_000;
const FLOOD = 1000;

let cluster: Cluster;
const clients: WsClient[] = [];

beforeAll(async () => {
  cluster = await startCluster({
    gateways: 1,
    env: { WS_MAX_FRAMES_PER_SECOND: '5000', WS_MAX_BUFFERED_BYTES: String(256 * 1024 * 1024), WS_MAX_UNREAD_BYTES: String(UNREAD_LIMIT) },
  });
}, 180_000);

afterAll(async () => {
  await Promise.allSettled(clients.map((c) => c.close()));
  await cluster?.stop();
});

describe('a socket that stops reading', () => {
  it('is closed after the unread limit, not after what the kernel buffers hold; the reader beside it gets every frame', { timeout: 120_000 }, async () => {
    const gw = cluster.gateways[0]!;
    const [a, b, c, d] = await Promise.all([registerUser(gw.url, 'ua'), registerUser(gw.url, 'ub'), registerUser(gw.url, 'uc'), registerUser(gw.url, 'ud')]);
    const group = await createGroup(gw.url, a, [b, c, d], 'unread');
    const [sender, stalled, reader] = await Promise.all([a, b, c].map((u) => WsClient.connect(gw.wsUrl, u.token)));
    clients.push(sender!, stalled!, reader!);
    // A second reader on the runtime's own WebSocket (the one browsers and the SDK use): it
    // answers the gateway's pings by itself and reads far past the unread limit unharmed.
    const native = new WebSocket(`${gw.wsUrl}?token=${encodeURIComponent(d.token)}`);
    let nativeMessages = 0;
    let nativeClose: number | undefined;
    native.addEventListener('message', (e) => {
      if (typeof e.data === 'string' && e.data.startsWith('{"type":"message"')) nativeMessages++;
    });
    native.addEventListener('close', (e) => (nativeClose = e.code));
    await new Promise((resolve, reject) => {
      native.addEventListener('open', resolve);
      native.addEventListener('error', reject);
    });
    await waitFor('the native reader ready', () => nativeClose === undefined && native.readyState === WebSocket.OPEN, 5000);
    (stalled!.socket as unknown as { _socket: { pause(): void } })._socket.pause();

    const big = 'x'.repeat(FRAME_CONTENT);
    for (let n = 0; n < FLOOD; n++) sender!.send({ type: 'send', client_msg_id: `flood-${n}`, conversation_id: group, content: big });
    await waitFor('the readers got everything', () => reader!.all((f) => f.type === 'message').length >= FLOOD && nativeMessages >= FLOOD, 60_000);
    expect(nativeClose).toBeUndefined();
    native.close();

    // Let it read what reached it before the close: the close frame comes after that.
    (stalled!.socket as unknown as { _socket: { resume(): void } })._socket.resume();
    await waitFor('the stalled socket closed', () => stalled!.closeCode !== undefined, 15_000);
    expect(stalled!.closeCode).toBe(CloseCode.slowConsumer);
    // About UNREAD_LIMIT of frames, not the 15 MB flood (the kernel alone would take 4 MiB or more).
    const got = stalled!.all((f) => f.type === 'message').length;
    expect(got).toBeLessThan(Math.ceil((UNREAD_LIMIT * 1.5) / FRAME_CONTENT));
    expect(reader!.closeCode).toBeUndefined();
    expect(sender!.all((f) => f.type === 'error')).toEqual([]);
  });
});
