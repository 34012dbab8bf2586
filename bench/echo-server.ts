// The WebSocket floor: a bare `ws` server that echoes every frame, in a process of its own.
import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
wss.on('connection', (ws) => {
  ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
});
wss.on('listening', () => {
  const addr = wss.address();
  process.send?.({ port: addr !== null && typeof addr === 'object' ? addr.port : 0 });
});
process.on('disconnect', () => process.exit(0));
