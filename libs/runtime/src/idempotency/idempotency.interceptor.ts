import type { ServerResponse } from 'node:http';
import {
  ConflictException,
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Principal } from '@tandem/auth';
import { EventStore } from '@tandem/eventstore';
import { Observable, of } from 'rxjs';
import { problemRequestOf } from '../http/error-filter';
import { PROBLEM_CONTENT_TYPE, problemOf } from '../http/problem-details';
import { AppendAttempt, runInAttempt, streamsWrittenBy } from './append-intents';
import {
  fingerprintOf,
  KEYED_METHODS,
  parseIdempotencyKey,
  recordIdOf,
  type KeyScope,
} from './idempotency-key';
import {
  idempotencyKeyInFlight,
  idempotencyKeyReused,
  idempotencyOutcomeLost,
  invalidIdempotencyKey,
  answerErased,
} from './idempotency-problems';
import { ERASED_OUTCOME, IdempotencyRecords, type IdempotencyRecord } from './idempotency-records';
import { captureResponse, replayInto } from './response-capture';

interface KeyedRequest {
  readonly method: string;
  readonly originalUrl: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body?: unknown;
  readonly route?: { readonly path?: string };
  readonly principal?: Principal;
}

/** A request never renews its lease past this (Node's own request timeout): a hung one cannot hold its key forever. */
const MAX_RENEW_MS = 5 * 60_000;

/**
 * `Idempotency-Key` (IETF httpapi draft) on every POST/PUT/PATCH/DELETE of the service. Runs after
 * the access guard, so a key is scoped to the caller: tenant, user, method and route. The first
 * request claims the key and runs; its answer (2xx or 4xx) is stored before it is sent and replayed
 * to every retry with the same request; a 5xx frees the key. Requests without the header are untouched.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(
    private readonly records: IdempotencyRecords,
    private readonly store: EventStore,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<KeyedRequest>();
    const response = context.switchToHttp().getResponse<ServerResponse>();
    if (!KEYED_METHODS.has(request.method)) return next.handle();
    const parsed = parseIdempotencyKey(request.headers['idempotency-key']);
    if (!parsed) return next.handle();
    if (!parsed.ok) throw invalidIdempotencyKey(parsed.problem);
    // A @Public write route has no caller to scope a key to; it runs as without the header.
    if (!request.principal) return next.handle();
    const { tenantId, userId } = request.principal;
    const scope: KeyScope = {
      tenantId,
      userId,
      method: request.method,
      route: request.route?.path ?? request.path,
      key: parsed.key,
    };
    const id = recordIdOf(scope);
    const fingerprint = fingerprintOf(request.method, request.originalUrl, request.body);

    const claim = await this.records.claim(id, scope, fingerprint);
    if (claim.kind === 'claimed')
      return this.run(new AppendAttempt(id, claim.token, this.records), response, next);
    const { record } = claim;
    if (record.fingerprint !== fingerprint) throw idempotencyKeyReused(parsed.key);
    if (record.state === 'done' && record.outcome) {
      if (record.outcome.status === ERASED_OUTCOME.status) throw answerErased(parsed.key);
      replayInto(response, record.outcome);
      return of(undefined); // the route layer "sends" nothing; replayInto sends the stored answer instead
    }
    // Matches only a lapsed lease: a live attempt keeps renewing its lease, so this is 409 while it runs.
    const taken = await this.records.takeOver(record);
    if (!taken) {
      response.setHeader('Retry-After', '1');
      throw idempotencyKeyInFlight(parsed.key);
    }
    await this.refuseIfDeadAttemptTookEffect(taken, request);
    return this.run(new AppendAttempt(id, taken.token, this.records), response, next);
  }

  /** A taken-over record's earlier attempts may have appended before their process died: then never run again. */
  private async refuseIfDeadAttemptTookEffect(
    record: IdempotencyRecord,
    request: KeyedRequest,
  ): Promise<void> {
    const streams = await streamsWrittenBy(this.store.collections.commits, record.intents);
    if (streams.length === 0) return;
    const refusal = new ConflictException(idempotencyOutcomeLost(record.key, streams));
    // Stored exactly as the error filter will answer it, so every retry gets the same problem.
    const { problem } = problemOf(refusal, problemRequestOf(request));
    await this.records.complete(record._id, record.token, {
      status: problem.status,
      headers: { 'content-type': `${PROBLEM_CONTENT_TYPE}; charset=utf-8` },
      body: JSON.stringify(problem),
    });
    throw refusal;
  }

  private run(attempt: AppendAttempt, response: ServerResponse, next: CallHandler): Observable<unknown> {
    const stopRenewing = this.keepLeased(attempt);
    captureResponse(response, async (outcome) => {
      attempt.finish();
      stopRenewing();
      try {
        if (outcome.status < 500) await this.records.complete(attempt.recordId, attempt.token, outcome);
        else if (attempt.recordedAppends) await this.records.lapse(attempt.recordId, attempt.token);
        else await this.records.release(attempt.recordId, attempt.token);
      } catch (error) {
        // The answer still goes out; a retry then finds the lease lapsed and checks what this attempt appended.
        this.logger.error(
          `could not store the outcome of idempotency record ${attempt.recordId}: ${(error as Error).message}`,
        );
      }
    });
    // The handler runs inside the attempt, so the event store records its intents and marks its events.
    return new Observable((subscriber) => runInAttempt(attempt, () => next.handle().subscribe(subscriber)));
  }

  /** Renews the lease while the request runs, so only a dead (or hung) process's claim ever lapses. */
  private keepLeased(attempt: AppendAttempt): () => void {
    const startedAt = Date.now();
    const timer = setInterval(() => {
      if (Date.now() - startedAt > MAX_RENEW_MS) return clearInterval(timer);
      this.records.renew(attempt.recordId, attempt.token).then(
        (held) => held || clearInterval(timer),
        (error: Error) =>
          this.logger.warn(`could not renew idempotency lease ${attempt.recordId}: ${error.message}`),
      );
    }, this.records.leaseMs / 3);
    timer.unref();
    return () => clearInterval(timer);
  }
}
