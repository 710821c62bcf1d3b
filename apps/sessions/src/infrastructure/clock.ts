import { Injectable } from '@nestjs/common';

/** The time handlers and the cadence monitor pass into the domain; tests replace it with a fake. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
