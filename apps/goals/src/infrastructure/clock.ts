import { Injectable } from '@nestjs/common';

/** The service's one source of "now", handed to deciders and the status rule; specs replace it. */
@Injectable()
export class Clock {
  now(): string {
    return new Date().toISOString();
  }
}
