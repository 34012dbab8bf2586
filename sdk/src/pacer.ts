// Paces outgoing frames: the gateway refuses more than WS_MAX_FRAMES_PER_SECOND frames a second
// on a socket (RATE_LIMITED, and closes it at four times that), so a burst of sends, syncs and
// reads waits here instead, in order, at most `perSecond` frames in any one-second window.
export class Pacer {
  private readonly perSecond: number;
  private readonly write: (text: string) => void;
  private readonly queue: { text: string; onSent: (() => void) | undefined }[] = [];
  private readonly sentAt: number[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(perSecond: number, write: (text: string) => void) {
    this.perSecond = Math.max(1, Math.floor(perSecond));
    this.write = write;
  }

  get queued(): number {
    return this.queue.length;
  }

  /** Queues a frame; `onSent` runs when it is actually written. */
  push(text: string, onSent?: () => void): void {
    this.queue.push({ text, onSent });
    this.drain();
  }

  /** Drops what waits (the socket is gone: what matters is sent again on the next one). */
  clear(): void {
    this.queue.length = 0;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private drain(): void {
    if (this.timer) return;
    for (;;) {
      const next = this.queue[0];
      if (next === undefined) return;
      const now = Date.now();
      while (this.sentAt.length > 0 && now - this.sentAt[0]! >= 1000) this.sentAt.shift();
      if (this.sentAt.length >= this.perSecond) {
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.drain();
        }, 1000 - (now - this.sentAt[0]!) + 1);
        return;
      }
      this.queue.shift();
      this.sentAt.push(now);
      this.write(next.text);
      next.onSent?.();
    }
  }
}
