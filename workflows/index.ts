// The workflow bundle's entry: every workflow the GoChat worker runs.
export { friendRequestWorkflow } from './friend-request.ts';
export { fanoutWorkflow } from './fanout.ts';
export { presenceWorkflow } from './presence.ts';
export { presenceCleanupWorkflow } from './presence-cleanup.ts';
export { pushWorkflow } from './push.ts';
