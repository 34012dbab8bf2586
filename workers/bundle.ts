// The workflow bundle. Development bundles at worker start; production builds it once
// (`node workers/bundle.ts dist/workflow-bundle.js`) and starts workers with
// `--workflow-bundle dist/workflow-bundle.js`, so every worker runs the same code and starts fast.
// The replay tests use this same function, so they check the code production runs.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, type Logger, type WorkflowBundleWithSourceMap } from '@temporalio/worker';

export const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

export function buildWorkflowBundle(opts: { logger?: Logger } = {}): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath, ...opts });
}

export async function writeWorkflowBundle(outFile: string): Promise<string> {
  const { code } = await buildWorkflowBundle();
  const target = path.resolve(outFile);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, code);
  return target;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const written = await writeWorkflowBundle(process.argv[2] ?? 'dist/workflow-bundle.js');
  console.warn(`workflow bundle written to ${written}`);
}
