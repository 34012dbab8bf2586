// Run by the presence-cleanup Schedule: presence records whose heartbeat stopped belong to a
// gateway that died without closing its sockets. Each batch removes such records; the users
// left without any record are announced offline to their friends.
import { proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.ts';
import type { PresenceCleanupInput, PresenceCleanupResult } from './definitions.ts';

type Activities = ReturnType<typeof createActivities>;

const { expirePresence, announceOffline } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  // The next scheduled run starts over anyway; a stuck batch is not retried for ever.
  scheduleToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

export async function presenceCleanupWorkflow(input: PresenceCleanupInput): Promise<PresenceCleanupResult> {
  const result: PresenceCleanupResult = { batches: 0, expiredRecords: 0, usersOffline: 0 };
  while (result.batches < input.maxBatches) {
    const batch = await expirePresence({ heartbeatTimeoutMs: input.heartbeatTimeoutMs, limit: input.batchSize });
    result.batches++;
    result.expiredRecords += batch.expiredRecords;
    result.usersOffline += batch.offlineUserIds.length;
    if (batch.offlineUserIds.length > 0) await announceOffline({ userIds: batch.offlineUserIds });
    if (!batch.more) break;
  }
  return result;
}
