// Replays the committed histories (histories/*.json, recorded from real runs) against today's
// workflow code, bundled as production bundles it. A failure here means a change would break
// workflows already running: put it behind patched() (see test/workflows/README.md).
import { readdir, readFile } from 'node:fs/promises';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { buildWorkflowBundle } from '../../workers/bundle.ts';
import { quietLogger } from './helpers/quiet-logger.ts';
import { historyFromJson } from './helpers/history-json.ts';

const dir = new URL('./histories/', import.meta.url);

/** Every workflow type must have at least one recorded history. */
const required = ['friendRequestWorkflow', 'fanoutWorkflow', 'presenceWorkflow', 'presenceCleanupWorkflow', 'pushWorkflow'];

describe('replay of recorded histories', () => {
  it('replays every committed history without a nondeterminism error', async () => {
    const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
    const histories = await Promise.all(
      files.map(async (f) => ({ workflowId: f.replace(/\.json$/, ''), history: historyFromJson(JSON.parse(await readFile(new URL(f, dir), 'utf8'))) })),
    );
    const types = new Set(histories.map((h) => h.history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name));
    expect([...types].sort()).toEqual([...required].sort());

    const results: { workflowId: string; error?: unknown }[] = [];
    for await (const r of Worker.runReplayHistories({ workflowBundle: await buildWorkflowBundle({ logger: quietLogger }) }, histories)) {
      results.push({ workflowId: r.workflowId, ...(r.error ? { error: r.error } : {}) });
    }
    expect(results.map((r) => r.workflowId)).toEqual(histories.map((h) => h.workflowId));
    expect(results.filter((r) => r.error)).toEqual([]);
  });
});
