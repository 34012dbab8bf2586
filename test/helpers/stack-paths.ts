// Where the local stack keeps the Temporal binaries (scripts/stack/temporal.sh installs them).
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const stackDir = process.env.GOCHAT_STACK_DIR ?? path.join(root, '.stack');
export const temporalCliPath = path.join(stackDir, 'venv/bin/temporal');
export const temporalTestServerPath = path.join(stackDir, 'venv/bin/temporal-test-server');
