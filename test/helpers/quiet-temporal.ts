// Setup file: Temporal's SDK logs every worker state change at INFO; tests want warnings only.
import { DefaultLogger, Runtime } from '@temporalio/worker';

Runtime.install({ logger: new DefaultLogger('WARN') });
