import {
  ForbiddenException,
  HttpException,
  NotFoundException,
  ServiceUnavailableException,
  UnauthorizedException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { invalidRequest } from '@tandem/auth';
import { ConcurrencyError } from '@tandem/eventstore';
import { DomainError } from '@tandem/kernel';
import { problemRequestOf } from './error-filter';
import { expectedVersionOf } from './if-match';
import { problemOf } from './problem-details';
import { httpErrorOfBodyParser } from './request-limits';

const path = '/api/x/v1/programs/p-1';
const problemFor = (error: unknown, expectedVersion?: number) =>
  problemOf(error, { path, expectedVersion }).problem;
const thrownBy = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

describe('problemOf', () => {
  it('turns a validation 400 into validation-failed with errors[] naming each field', () => {
    const error = invalidRequest('body', [
      { field: 'settings.minimumScore', code: 'too-big', message: 'Too big' },
      { field: 'tenantId', code: 'not-allowed', message: 'is not allowed' },
      { field: 'header', message: 'unknown column' },
    ]);
    expect(problemFor(error)).toEqual({
      type: 'https://tandem.dev/problems/validation-failed',
      title: 'Bad Request',
      status: 400,
      detail: 'Invalid request body',
      instance: path,
      code: 'validation-failed',
      errors: [
        { path: 'settings.minimumScore', code: 'too-big', message: 'Too big' },
        { path: 'tenantId', code: 'not-allowed', message: 'is not allowed' },
        { path: 'header', code: 'invalid', message: 'unknown column' },
      ],
    });
  });

  it('answers a domain rule by its kind, keeping its code and message', () => {
    expect(problemFor(new DomainError('start-out-of-range', 'Starts too late', 'invalid'))).toEqual({
      type: 'https://tandem.dev/problems/start-out-of-range',
      title: 'Bad Request',
      status: 400,
      detail: 'Starts too late',
      instance: path,
      code: 'start-out-of-range',
    });
    expect(problemFor(new DomainError('already-launched', 'Launched'))).toMatchObject({
      status: 409,
      title: 'Conflict',
      code: 'already-launched',
    });
    expect(problemFor(new DomainError('not-yours', 'No', 'forbidden'))).toMatchObject({ status: 403 });
    expect(problemFor(new DomainError('gone', 'No', 'not-found'))).toMatchObject({ status: 404 });
  });

  it('answers a lost race 409, and 412 when the stream moved past the If-Match version', () => {
    const race = new ConcurrencyError('s-1', 3, 4);
    expect(problemFor(race)).toMatchObject({ status: 409, title: 'Conflict', code: 'concurrency-conflict' });
    expect(problemFor(race, 3)).toMatchObject({
      status: 412,
      title: 'Precondition Failed',
      code: 'concurrency-conflict',
    });
    expect(problemFor(race, 2)).toMatchObject({ status: 409 });
  });

  it.each([
    [
      'Nest default 404 (unknown route)',
      new NotFoundException('Cannot GET /nope'),
      404,
      'not-found',
      'Cannot GET /nope',
    ],
    [
      'guard 401',
      new UnauthorizedException('invalid token: expired'),
      401,
      'unauthenticated',
      'invalid token: expired',
    ],
    [
      'guard 403',
      new ForbiddenException('requires one of the roles: analyst'),
      403,
      'forbidden',
      'requires one of the roles: analyst',
    ],
    [
      'guard 429 (object body)',
      new HttpException({ statusCode: 429, error: 'Too Many Requests', message: 'rate limit exceeded' }, 429),
      429,
      'rate-limited',
      'rate limit exceeded',
    ],
    [
      '429 with a string body',
      new HttpException('ThrottlerException: Too Many Requests', 429),
      429,
      'rate-limited',
      'ThrottlerException: Too Many Requests',
    ],
    [
      '503',
      new ServiceUnavailableException('signing keys unavailable'),
      503,
      'unavailable',
      'signing keys unavailable',
    ],
    ['415', new UnsupportedMediaTypeException(), 415, 'unsupported-media-type', 'Unsupported Media Type'],
  ])('renders %s with a code derived from its status', (_case, error, status, code, detail) => {
    expect(problemFor(error)).toEqual({
      type: `https://tandem.dev/problems/${code}`,
      title: expect.any(String),
      status,
      detail,
      instance: path,
      code,
    });
  });

  it('keeps a named code and extension members, never the old statusCode/error/message/fields', () => {
    const problem = problemFor(
      new HttpException(
        {
          statusCode: 409,
          error: 'Conflict',
          code: 'idempotency-key-in-flight',
          message: 'wait',
          idempotencyKey: 'k',
        },
        409,
      ),
    );
    expect(problem).toEqual({
      type: 'https://tandem.dev/problems/idempotency-key-in-flight',
      title: 'Conflict',
      status: 409,
      detail: 'wait',
      instance: path,
      code: 'idempotency-key-in-flight',
      idempotencyKey: 'k',
    });
  });

  it('renders If-Match and body-parser refusals with errors[] and 413 as payload-too-large', () => {
    expect(problemFor(thrownBy(() => expectedVersionOf('3')))).toMatchObject({
      status: 400,
      code: 'validation-failed',
      errors: [{ path: 'If-Match', code: 'invalid-format', message: 'must be an ETag like "3"' }],
    });
    expect(problemFor(httpErrorOfBodyParser({ type: 'entity.parse.failed', status: 400 }))).toMatchObject({
      status: 400,
      code: 'validation-failed',
      errors: [{ path: '(root)', code: 'invalid-json' }],
    });
    expect(
      problemFor(httpErrorOfBodyParser({ type: 'entity.too.large', status: 413, limit: 10 })),
    ).toMatchObject({
      status: 413,
      title: 'Payload Too Large',
      code: 'payload-too-large',
      detail: 'request body is larger than 10 bytes',
    });
  });

  it('answers anything else 500 without internals, and says it is unexpected', () => {
    const answer = problemOf(new TypeError('cannot read x of undefined at /srv/app.js'), { path });
    expect(answer.unexpected).toBe(true);
    expect(answer.problem).toEqual({
      type: 'https://tandem.dev/problems/internal-error',
      title: 'Internal Server Error',
      status: 500,
      detail: 'Something went wrong on our side',
      instance: path,
      code: 'internal-error',
    });
  });
});

describe('problemRequestOf', () => {
  it('takes the path without the query string, and the If-Match version when well formed', () => {
    expect(problemRequestOf({ originalUrl: '/a/b?token=secret', headers: { 'if-match': '"7"' } })).toEqual({
      path: '/a/b',
      expectedVersion: 7,
    });
    expect(problemRequestOf({ url: '/a', headers: { 'if-match': 'nonsense' } })).toEqual({
      path: '/a',
      expectedVersion: undefined,
    });
  });
});
