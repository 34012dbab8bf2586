// One worker for every GoChat workflow and activity, on config.temporal.taskQueue.
import { Worker, type NativeConnection, type WorkflowBundleOption } from '@temporalio/worker';
import type { Activities } from '../activities/index.ts';
import type { Config } from '../config/index.ts';
import { workflowsPath } from './bundle.ts';

/** Running activities get this long to finish on shutdown before they are cancelled. */
export const SHUTDOWN_GRACE_MS = 15_000;

export interface GochatWorkerOptions {
  connection: NativeConnection;
  config: Config;
  activities: Activities;
  /** A prebuilt bundle (production, tests); without it the worker bundles workflows/ at start. */
  workflowBundle?: WorkflowBundleOption;
  /** Defaults to config.temporal.taskQueue. */
  taskQueue?: string;
}

export function createGochatWorker(opts: GochatWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: opts.connection,
    namespace: opts.config.temporal.namespace,
    taskQueue: opts.taskQueue ?? opts.config.temporal.taskQueue,
    activities: opts.activities,
    ...(opts.workflowBundle ? { workflowBundle: opts.workflowBundle } : { workflowsPath }),
    shutdownGraceTime: SHUTDOWN_GRACE_MS,
  });
}
