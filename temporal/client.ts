// The Temporal client the gateway and the logic worker share. The caller owns it:
// `await client.connection.close()` on shutdown.
import { Client, Connection } from '@temporalio/client';
import type { Config } from '../config/index.ts';
import { clientInterceptors } from '../telemetry/temporal.ts';

export async function createTemporalClient(config: Config): Promise<Client> {
  const connection = await Connection.connect({ address: config.temporal.address });
  // With tracing on, a workflow started or signalled here continues the caller's trace.
  const interceptors = await clientInterceptors();
  return new Client({ connection, namespace: config.temporal.namespace, ...(interceptors ? { interceptors } : {}) });
}

export type { Client } from '@temporalio/client';
