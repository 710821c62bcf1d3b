import { Logger } from '@nestjs/common';

/**
 * Background work on a timer (sweeps, monitors): runs every `intervalMs`, never overlapping
 * itself, and on stop lets the run in hand finish. A failed run is logged; the next one comes.
 */
export class PeriodicTask {
  private readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    name: string,
    private readonly work: () => Promise<unknown>,
  ) {
    this.logger = new Logger(name);
  }

  /** Starts the timer; an interval of 0 or less (or not a number) leaves the task off. */
  start(intervalMs: number): void {
    if (!(intervalMs > 0)) return;
    this.timer = setInterval(() => void this.runOnce(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private runOnce(): Promise<void> {
    this.running ??= this.work()
      .then(() => undefined)
      .catch((error: Error) => this.logger.warn(`run failed: ${error.message}`))
      .finally(() => (this.running = undefined));
    return this.running;
  }
}
