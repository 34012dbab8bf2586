// presence-{userId}: started (signal-with-start) when a user's last connection on a gateway
// closes. A durable timer gives the user `offlineDelayMs` to come back; a reconnect signal
// cancels it, a further disconnect restarts it. Only when it runs out does an activity check
// Redis (the user may be connected to another gateway) and mark the user offline. So a
// flapping connection never produces an offline notice.
import { continueAsNew, condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.ts';
import {
  presenceStateQuery,
  userConnectedSignal,
  userDisconnectedSignal,
  type PresenceInput,
  type PresenceResult,
} from './definitions.ts';

type Activities = ReturnType<typeof createActivities>;

const { confirmOffline } = proxyActivities<Activities>({
  startToCloseTimeout: '20 seconds',
  // After five minutes an offline notice is news nobody wants; the cleanup schedule still
  // catches users whose presence records outlive their gateway.
  scheduleToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

export async function presenceWorkflow(input: PresenceInput): Promise<PresenceResult> {
  const { userId } = input;
  // Started by signal-with-start: the disconnect signal is delivered when its handler is set.
  let pendingOffline = input.resumePending ?? false;
  // Counts signals, so a wait can tell "something happened" from "time ran out".
  let changes = 0;
  setHandler(userDisconnectedSignal, () => {
    pendingOffline = true;
    changes++;
  });
  setHandler(userConnectedSignal, () => {
    pendingOffline = false;
    changes++;
  });
  setHandler(presenceStateQuery, () => ({ userId, pendingOffline }));

  let result: PresenceResult = { userId, outcome: 'reconnected', notifiedFriends: 0 };
  while (pendingOffline) {
    if (workflowInfo().continueAsNewSuggested) {
      // Only a long run of disconnects without a reconnect gets here; the next run starts pending.
      await continueAsNew<typeof presenceWorkflow>({ ...input, resumePending: true });
    }
    const seen = changes;
    if (await condition(() => changes !== seen, input.offlineDelayMs)) continue;

    const confirmed = await confirmOffline({ userId });
    result = { userId, outcome: confirmed.offline ? 'offline' : 'online', notifiedFriends: confirmed.notifiedFriends };
    // A disconnect that arrived while the activity ran starts a fresh wait; a reconnect ends it.
    if (changes === seen) pendingOffline = false;
  }
  return result;
}
