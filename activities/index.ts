// createActivities(deps): every activity the GoChat worker registers. The worker passes real
// deps (workers/deps.ts); tests pass fakes, or stub activities typed from the return type.
import type { ActivityDeps } from './deps.ts';
import { fanoutActivities } from './fanout.ts';
import { friendRequestActivities } from './friend-requests.ts';
import { presenceActivities } from './presence.ts';
import { pushActivities } from './push.ts';

export type { ActivityDeps } from './deps.ts';

export function createActivities(deps: ActivityDeps) {
  return {
    ...friendRequestActivities(deps),
    ...fanoutActivities(deps),
    ...presenceActivities(deps),
    ...pushActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
