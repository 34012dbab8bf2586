// Everything a run starts registers how to stop it here; run() stops it all, newest first,
// each once, also when called again from a signal handler or a time limit.
import { log } from './log.ts';

export class Cleanup {
  private readonly steps: { name: string; fn: () => unknown }[] = [];
  private running: Promise<void> | undefined;

  add(name: string, fn: () => unknown): void {
    this.steps.push({ name, fn });
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (let s = this.steps.pop(); s; s = this.steps.pop()) {
        try {
          await s.fn();
        } catch (err) {
          log(`cleanup: ${s.name} failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    })();
    return this.running;
  }
}
