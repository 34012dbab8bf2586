// Where the push activities' outcomes go: the worker's metrics, and its log for what an
// operator has to look at (a webhook that refuses requests, batches given up).
import type { PushReport } from '../activities/push-deps.ts';
import type { Metrics } from '../metrics/registry.ts';
import type { Logger } from '../runtime/logger.ts';

export function pushReporter(metrics: Metrics, logger: Logger): (report: PushReport) => void {
  return (r) => {
    switch (r.outcome) {
      case 'posted':
        metrics.pushPosted.inc(r.count);
        return;
      case 'skipped':
        metrics.pushSkipped.inc({ reason: r.reason }, r.count);
        return;
      case 'retrying':
        metrics.pushRetries.inc({ status: r.status === null ? 'none' : String(r.status) });
        logger.debug({ userId: r.userId, deliveryId: r.deliveryId, status: r.status, reason: r.reason }, 'push webhook request failed; it is retried');
        return;
      case 'rejected':
        metrics.pushFailed.inc({ reason: 'rejected' }, r.count);
        logger.warn({ userId: r.userId, deliveryId: r.deliveryId, status: r.status, notifications: r.count }, 'push webhook refused a request; it is not retried');
        return;
      case 'abandoned':
        metrics.pushFailed.inc({ reason: 'abandoned' }, r.count);
        logger.warn({ userId: r.userId, deliveryId: r.deliveryId, notifications: r.count, reason: r.reason }, 'push batch given up after its retries ran out');
        return;
    }
  };
}
