// The one shutdown path of every GoChat process. SIGINT or SIGTERM runs the process's close
// steps in order and exits 0; a step that throws, or steps still running at the deadline, exit 1
// (logged); a second signal exits at once. A process that must stop on its own (a fatal error)
// calls `fail`, which runs the same steps and exits 1.
import type { Logger } from './logger.ts';

export interface CloseStep {
  name: string;
  run(): unknown;
}

export interface ShutdownOptions {
  logger: Logger;
  /** The whole sequence must end within this; a process manager's kill timeout should be longer. */
  deadlineMs: number;
  /** Run in order, each after the previous one settled. */
  steps: CloseStep[];
  signals?: NodeJS.Signals[];
  /** For tests; process.exit otherwise. */
  exit?: (code: number) => void;
}

export interface Shutdown {
  /** Whether the steps have started. */
  readonly started: boolean;
  /** Runs the steps and exits 1, logging the reason first. */
  fail(reason: unknown): Promise<void>;
}

export function installShutdown(opts: ShutdownOptions): Shutdown {
  const { logger, deadlineMs, steps } = opts;
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  const signals = opts.signals ?? ['SIGINT', 'SIGTERM'];
  let running: Promise<void> | undefined;

  async function run(why: Record<string, unknown>, failed: boolean): Promise<void> {
    const started = performance.now();
    const deadline = setTimeout(() => {
      logger.error({ deadlineMs }, 'shutdown deadline exceeded, exiting');
      exit(1);
    }, deadlineMs);
    deadline.unref();
    let ok = !failed;
    for (const step of steps) {
      const at = performance.now();
      try {
        await step.run();
        logger.debug({ step: step.name, ms: Math.round(performance.now() - at) }, 'shutdown step done');
      } catch (err) {
        ok = false;
        logger.error({ err, step: step.name }, 'shutdown step failed');
      }
    }
    clearTimeout(deadline);
    logger.info({ ...why, ms: Math.round(performance.now() - started), ok }, 'stopped');
    exit(ok ? 0 : 1);
  }

  const onSignal = (signal: NodeJS.Signals) => {
    if (running) {
      logger.warn({ signal }, 'second signal while shutting down, exiting now');
      exit(1);
      return;
    }
    logger.info({ signal, deadlineMs }, 'shutting down');
    running = run({ signal }, false);
  };
  for (const s of signals) process.on(s, onSignal);

  return {
    get started() {
      return running !== undefined;
    },
    fail(reason) {
      if (running) return running;
      logger.error({ err: reason }, 'stopping after a fatal error');
      running = run({ reason: reason instanceof Error ? reason.message : String(reason) }, true);
      return running;
    },
  };
}
