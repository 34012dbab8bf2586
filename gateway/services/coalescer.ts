// At most one run per key per window: the first call runs at once, later ones inside the window
// only leave their task to run when the window ends (the latest wins), so a burst costs two runs
// and the last value is never lost. In-process: each gateway coalesces what it handles.
export class Coalescer {
  private readonly windowMs: number;
  private readonly onError: (err: unknown) => void;
  /** Keys inside their window, with the task waiting for its end. */
  private readonly open = new Map<string, { timer: ReturnType<typeof setTimeout>; waiting: (() => Promise<void>) | undefined }>();

  constructor(windowMs: number, onError: (err: unknown) => void) {
    this.windowMs = windowMs;
    this.onError = onError;
  }

  /** Keys inside their window now (for tests and metrics). */
  get size(): number {
    return this.open.size;
  }

  run(key: string, task: () => Promise<void>): void {
    const slot = this.open.get(key);
    if (slot) {
      slot.waiting = task;
      return;
    }
    this.start(key, task);
  }

  /** Drops what waits (shutting down: nothing may be produced after the producer closed). */
  close(): void {
    for (const slot of this.open.values()) clearTimeout(slot.timer);
    this.open.clear();
  }

  private start(key: string, task: () => Promise<void>): void {
    const timer = setTimeout(() => {
      const waiting = this.open.get(key)?.waiting;
      this.open.delete(key);
      if (waiting) this.start(key, waiting);
    }, this.windowMs);
    timer.unref();
    this.open.set(key, { timer, waiting: undefined });
    task().catch((err: unknown) => this.onError(err));
  }
}
