// Temporal's OpenTelemetry interceptors, wired only when tracing is on (and only then loaded).
// The client interceptor makes a workflow start or signal a span whose context the workflow
// receives in its headers; the worker's interceptors continue that trace in the workflow (spans
// made in the sandbox, handed out through the `exporter` sink) and in its activities (whose
// Kafka records then carry it, see JsonProducer). Our workflow code imports none of this: the
// interceptor module is added to the workflow bundle by the worker's options or by
// workers/bundle.ts.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { ClientInterceptors } from '@temporalio/client';
import type { OpenTelemetryWorkflowExporter } from '@temporalio/interceptors-opentelemetry/lib/workflow/definitions.js';
import type { InjectedSink, NativeConnectionPlugin, WorkerOptions, WorkerPlugin, WorkflowBundleOption } from '@temporalio/worker';
import type { Logger } from '../runtime/logger.ts';
import { isTracing, tracingExport } from './tracing.ts';

/** The workflow interceptor module, for `workflowModules` or a bundle's `workflowInterceptorModules`. */
export const workflowInterceptorsModule = fileURLToPath(import.meta.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors.js'));

/** Text every bundle built with the module contains (its module id). */
const MODULE_MARK = 'interceptors-opentelemetry/lib/workflow-interceptors';

/** Whether a prebuilt workflow bundle has the workflow interceptors in it. */
export async function bundleHasTracing(bundle: WorkflowBundleOption): Promise<boolean> {
  const code = 'code' in bundle ? bundle.code : await readFile(bundle.codePath, 'utf8');
  return code.includes(MODULE_MARK);
}

/** Interceptors for a Temporal client: tracing ones when tracing is on, none otherwise. */
export async function clientInterceptors(): Promise<ClientInterceptors | undefined> {
  if (!isTracing()) return undefined;
  const { OpenTelemetryWorkflowClientInterceptor } = await import('@temporalio/interceptors-opentelemetry/lib/client/index.js');
  return { workflow: [new OpenTelemetryWorkflowClientInterceptor()] };
}

/** A sink that drops workflow spans: a bundle built with tracing may run with tracing off. */
const dropSpans: InjectedSink<OpenTelemetryWorkflowExporter> = { export: { fn: () => undefined } };

/**
 * A plugin for the worker's NativeConnection, which hands it to every Worker created on it:
 * with tracing on, the activity interceptors, the workflow interceptor module (when the worker
 * bundles at start; a prebuilt bundle must have been built with it) and the span sink. With
 * tracing off only the sink, dropping what a bundle built with tracing still produces, as a
 * workflow calling a sink the worker lacks gets an error logged for every call.
 */
export function workerTracingPlugin(logger?: Pick<Logger, 'warn'>): NativeConnectionPlugin & WorkerPlugin {
  return {
    name: 'gochat-tracing',
    async configureWorker(options: WorkerOptions): Promise<WorkerOptions> {
      const exported = tracingExport();
      if (!exported) return { ...options, sinks: { ...options.sinks, exporter: dropSpans } };
      const { makeWorkflowExporter, OpenTelemetryActivityInboundInterceptor, OpenTelemetryActivityOutboundInterceptor } = await import('@temporalio/interceptors-opentelemetry/lib/worker/index.js');
      if (options.workflowBundle && !(await bundleHasTracing(options.workflowBundle))) {
        const warning = 'the workflow bundle was built without the tracing interceptors (workers/bundle.ts --tracing); activities are traced, workflows are not';
        if (logger) logger.warn({ component: 'tracing' }, warning);
        else console.warn(`tracing: ${warning}`);
      }
      const interceptors = options.interceptors ?? {};
      return {
        ...options,
        sinks: { ...options.sinks, exporter: makeWorkflowExporter(exported.processor, exported.resource) },
        interceptors: {
          ...interceptors,
          activity: [
            ...(interceptors.activity ?? []),
            (ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) }),
          ],
          // The worker ignores (and warns about) workflowModules when it runs a prebuilt bundle.
          ...(options.workflowBundle ? {} : { workflowModules: [...(interceptors.workflowModules ?? []), workflowInterceptorsModule] }),
        },
      };
    },
  };
}
