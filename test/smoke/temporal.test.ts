import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { NativeConnection, Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { testConfig, uniqueName } from '../helpers/config.ts';
import { temporalTestServerPath } from '../helpers/stack-paths.ts';
import type { greet, sleepAnHour } from './workflows/smoke.ts';

const workflowsPath = fileURLToPath(new URL('./workflows/smoke.ts', import.meta.url));

describe('smoke: Temporal', () => {
  it('runs a workflow on the dev server of the local stack', async () => {
    const config = testConfig();
    const connection = await Connection.connect({ address: config.temporal.address });
    const client = new Client({ connection, namespace: config.temporal.namespace });
    const taskQueue = uniqueName('smoke');
    const workerConnection = await NativeConnection.connect({ address: config.temporal.address });
    const worker = await Worker.create({ connection: workerConnection, namespace: config.temporal.namespace, taskQueue, workflowsPath });
    try {
      const result = await worker.runUntil(
        client.workflow.execute<typeof greet>('greet', { taskQueue, workflowId: uniqueName('smoke-greet'), args: ['GoChat'] }),
      );
      expect(result).toBe('hello, GoChat');
    } finally {
      await connection.close();
      await workerConnection.close();
    }
  });

  it('skips a one-hour timer on the time-skipping test server', async () => {
    const env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: temporalTestServerPath } },
    });
    try {
      const taskQueue = uniqueName('smoke-ts');
      const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath });
      const t0 = Date.now();
      const slept = await worker.runUntil(
        env.client.workflow.execute<typeof sleepAnHour>('sleepAnHour', { taskQueue, workflowId: uniqueName('smoke-sleep') }),
      );
      expect(slept).toBeGreaterThanOrEqual(3600_000);
      expect(Date.now() - t0).toBeLessThan(60_000);
    } finally {
      await env.teardown();
    }
  });
});
