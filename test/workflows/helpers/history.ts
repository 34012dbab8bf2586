// Waits until a workflow's history shows an event (e.g. its timer started) before the test moves
// time forward: otherwise the skip could happen before the workflow even set its timer.
import type { Client } from '@temporalio/client';

type HistoryEvent = NonNullable<Awaited<ReturnType<ReturnType<Client['workflow']['getHandle']>['fetchHistory']>>['events']>[number];

export async function waitForHistoryEvent(
  client: Client,
  workflowId: string,
  predicate: (event: HistoryEvent) => boolean,
  opts: { count?: number; timeoutMs?: number } = {},
): Promise<void> {
  const { count = 1, timeoutMs = 20_000 } = opts;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const history = await client.workflow.getHandle(workflowId).fetchHistory();
      if ((history.events?.filter(predicate).length ?? 0) >= count) return;
    } catch {
      // not started yet
    }
    if (Date.now() > deadline) throw new Error(`workflow ${workflowId}: the awaited history event did not appear within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const timerStarted = (event: HistoryEvent) => !!event.timerStartedEventAttributes;
export const activityScheduled = (event: HistoryEvent) => !!event.activityTaskScheduledEventAttributes;
