// The WebSocket floor: a bare `ws` server in a process of its own. By default it echoes every
// frame. With `--broadcast` it is the fan-out floor: it greets each socket with a `ready` frame
// (so the load generators connect to it as to a gateway), and on `{broadcast, below}` from its
// parent writes that frame, encoded once, to each of its sockets whose `?token=` is a number
// between 1 and `below` (0 is the sender, who gets no copy in GoChat either).
import { WebSocketServer, type WebSocket } from 'ws';

const broadcast = process.argv.includes('--broadcast');
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
const ordinal = new Map<WebSocket, number>();
wss.on('connection', (ws, req) => {
  if (broadcast) {
    ordinal.set(ws, Number(new URL(req.url ?? '/', 'http://x').searchParams.get('token')));
    ws.on('close', () => ordinal.delete(ws));
    ws.send(JSON.stringify({ type: 'ready', heartbeat_ms: 30_000 }));
    return;
  }
  ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
});
process.on('message', (m: { broadcast: string; below: number }) => {
  const encoded = Buffer.from(m.broadcast);
  for (const [ws, n] of ordinal) if (n >= 1 && n < m.below && ws.readyState === 1) ws.send(encoded, { binary: false });
});
wss.on('listening', () => {
  const addr = wss.address();
  process.send?.({ port: addr !== null && typeof addr === 'object' ? addr.port : 0 });
});
process.on('disconnect', () => process.exit(0));
