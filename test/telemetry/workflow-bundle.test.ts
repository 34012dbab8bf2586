// The workflow bundle built with the tracing interceptors (workers/bundle.ts --tracing) still
// replays every committed history: turning tracing on for workflows already running is safe.
import { readdir, readFile } from 'node:fs/promises';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { bundleHasTracing } from '../../telemetry/temporal.ts';
import { buildWorkflowBundle } from '../../workers/bundle.ts';
import { historyFromJson } from '../workflows/helpers/history-json.ts';
import { quietLogger } from '../workflows/helpers/quiet-logger.ts';

const dir = new URL('../workflows/histories/', import.meta.url);

describe('the workflow bundle with tracing', () => {
  it('has the interceptor module only when asked, and replays the recorded histories', async () => {
    const [plain, traced] = await Promise.all([buildWorkflowBundle({ logger: quietLogger }), buildWorkflowBundle({ logger: quietLogger, tracing: true })]);
    expect(await bundleHasTracing({ code: plain.code })).toBe(false);
    expect(await bundleHasTracing({ code: traced.code })).toBe(true);

    const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
    expect(files.length).toBeGreaterThan(0);
    const histories = await Promise.all(
      files.map(async (f) => ({ workflowId: f.replace(/\.json$/, ''), history: historyFromJson(JSON.parse(await readFile(new URL(f, dir), 'utf8'))) })),
    );
    const errors: { workflowId: string; error: unknown }[] = [];
    // The workflow spans go to the `exporter` sink, which every worker running this bundle has.
    const sinks = { exporter: { export: { fn: () => undefined } } };
    for await (const r of Worker.runReplayHistories({ workflowBundle: traced, sinks }, histories)) {
      if (r.error) errors.push({ workflowId: r.workflowId, error: r.error });
    }
    expect(errors).toEqual([]);
  }, 120_000);
});
