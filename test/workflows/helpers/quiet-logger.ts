import { DefaultLogger } from '@temporalio/worker';

/** For bundling in tests: webpack's statistics are noise, warnings are not. */
export const quietLogger = new DefaultLogger('WARN');
