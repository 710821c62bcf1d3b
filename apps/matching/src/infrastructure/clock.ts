import { Injectable } from '@nestjs/common';

/** The service's one source of "now", handed to deciders and scheduled jobs; specs replace it. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** `now()` as the ISO instant the domain's commands take. */
  nowIso(): string {
    return this.now().toISOString();
  }
}
