// One cluster for a whole suite (gateway processes, logic worker, Temporal worker) and every
// socket its tests open, all closed when the suite ends.
import { afterAll, beforeAll } from 'vitest';
import { WsClient, type User } from './clients.ts';
import { startCluster, type Cluster } from './harness.ts';

export interface SuiteCluster {
  /** Set once the suite's beforeAll has run. */
  cluster: Cluster | undefined;
  /** REST base of each gateway, in order (filled by beforeAll). */
  rest: string[];
  /** WebSocket URL of each gateway, in order (filled by beforeAll). */
  ws: string[];
  /** A socket of `user` on the gateway at `wsUrl`, closed with the suite. */
  connect: (wsUrl: string, user: User) => Promise<WsClient>;
}

export function clusterForSuite(opts: Parameters<typeof startCluster>[0] = {}): SuiteCluster {
  const sockets: WsClient[] = [];
  const suite: SuiteCluster = {
    cluster: undefined,
    rest: [],
    ws: [],
    connect: async (wsUrl, user) => {
      const c = await WsClient.connect(wsUrl, user.token);
      sockets.push(c);
      return c;
    },
  };
  beforeAll(async () => {
    suite.cluster = await startCluster(opts);
    suite.rest = suite.cluster.gateways.map((g) => g.url);
    suite.ws = suite.cluster.gateways.map((g) => g.wsUrl);
  }, 180_000);
  afterAll(async () => {
    await Promise.allSettled(sockets.map((c) => c.close()));
    await suite.cluster?.stop();
  });
  return suite;
}
