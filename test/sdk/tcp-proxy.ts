// A TCP proxy between SDK clients and a gateway, standing for the network and the load
// balancer: `cut()` destroys every connection at once (no close frame, as when a network
// drops), `retarget()` sends new connections to another gateway port.
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  url: string;
  /** Connections accepted so far. */
  accepted: number;
  retarget(port: number): void;
  /** Destroys every open connection, both ways, without a close frame. */
  cut(): number;
  /** Stops forwarding on every open WebSocket connection, leaving it open: a half-open connection. */
  freeze(): number;
  close(): Promise<void>;
}

export async function startProxy(targetPort: number): Promise<TcpProxy> {
  let target = targetPort;
  const open = new Set<Socket>();
  /** WebSocket connections (an HTTP upgrade), as opposed to kept-alive REST ones. */
  const pairs = new Set<[Socket, Socket]>();
  const server: Server = createServer((client) => {
    proxy.accepted++;
    const upstream = connect(target, '127.0.0.1');
    open.add(client);
    open.add(upstream);
    const pair: [Socket, Socket] = [client, upstream];
    // A kept-alive connection may carry the upgrade after REST requests: every chunk is looked at.
    const spot = (chunk: Buffer) => {
      if (/^upgrade:\s*websocket/im.test(chunk.toString('latin1'))) {
        pairs.add(pair);
        client.off('data', spot);
      }
    };
    client.on('data', spot);
    const end = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
      pairs.delete(pair);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const proxy: TcpProxy = {
    port,
    url: `http://127.0.0.1:${port}`,
    accepted: 0,
    retarget(p) {
      target = p;
    },
    cut() {
      const n = open.size;
      // resetAndDestroy sends an RST: the peer learns nothing of a WebSocket close.
      for (const s of [...open]) s.resetAndDestroy();
      open.clear();
      return n;
    },
    freeze() {
      for (const [client, upstream] of pairs) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.pause();
        upstream.pause();
      }
      const n = pairs.size;
      pairs.clear();
      return n;
    },
    async close() {
      proxy.cut();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return proxy;
}
