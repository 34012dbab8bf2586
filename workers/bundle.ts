// The workflow bundle. Development bundles at worker start; production builds it once
// (`node workers/bundle.ts dist/workflow-bundle.js`) and starts workers with
// `--workflow-bundle dist/workflow-bundle.js`, so every worker runs the same code and starts fast.
// The replay tests use this same function, so they check the code production runs.
// A worker running a prebuilt bundle ignores workflow interceptor modules it is given: workflow
// spans need the bundle built with `--tracing` (the OpenTelemetry interceptor module inside).
// Such a bundle runs with tracing off too (the worker drops its spans).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundleWorkflowCode, type Logger, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createLogger } from '../runtime/logger.ts';
import { TemporalLogAdapter } from '../runtime/temporal-log.ts';
import { workflowInterceptorsModule } from '../telemetry/temporal.ts';

export const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

export function buildWorkflowBundle(opts: { logger?: Logger; tracing?: boolean } = {}): Promise<WorkflowBundleWithSourceMap> {
  const { tracing, ...rest } = opts;
  return bundleWorkflowCode({ workflowsPath, ...(tracing ? { workflowInterceptorModules: [workflowInterceptorsModule] } : {}), ...rest });
}

export async function writeWorkflowBundle(outFile: string, opts: { tracing?: boolean; logger?: Logger } = {}): Promise<string> {
  const { code } = await buildWorkflowBundle(opts);
  const target = path.resolve(outFile);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, code);
  return target;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({ options: { tracing: { type: 'boolean' } }, allowPositionals: true });
  // webpack's module listing is info detail; its warnings and errors still show.
  const logger = new TemporalLogAdapter(createLogger({ process: 'bundle', level: 'warn' }));
  const written = await writeWorkflowBundle(positionals[0] ?? 'dist/workflow-bundle.js', { tracing: values.tracing ?? false, logger });
  console.warn(`workflow bundle written to ${written}${values.tracing ? ' (with the tracing interceptors)' : ''}`);
}
