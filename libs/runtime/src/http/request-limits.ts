import {
  BadRequestException,
  HttpException,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { HttpLimits } from '../config/service-config';

interface BodyParserError {
  readonly type?: string;
  readonly status?: number;
  readonly limit?: number;
}

/** body-parser's errors as HTTP exceptions, so the exception filter answers them as problem details without internals. */
export function httpErrorOfBodyParser(error: unknown): unknown {
  const { type, status, limit } = (error ?? {}) as BodyParserError;
  switch (type) {
    case 'entity.too.large':
      return new PayloadTooLargeException({
        statusCode: 413,
        error: 'Payload Too Large',
        message: `request body is larger than ${limit} bytes`,
      });
    case 'entity.parse.failed':
      return new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Invalid request body',
        fields: [{ field: '(root)', code: 'invalid-json', message: 'is not a JSON object or array' }],
      });
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new UnsupportedMediaTypeException();
    default:
      return status && status >= 400 && status < 500 ? new HttpException('Invalid request', status) : error;
  }
}

/**
 * Bodies: JSON (also as `application/scim+json`) up to `jsonBodyBytes`, `text/csv` up to `csvBodyBytes` (CSV imports), nothing else
 * parsed. Query strings: Express's `simple` parser, so `?status[$ne]=x` stays a key named
 * `status[$ne]` (refused by strict schemas) instead of becoming `{ status: { $ne: 'x' } }`.
 * Call before the app is initialised (the parsers must come before the routes).
 */
export function limitRequests(app: NestExpressApplication, limits: HttpLimits): void {
  app.set('query parser', 'simple');
  // SCIM clients (identity providers) send application/scim+json, which is JSON.
  app.useBodyParser('json', {
    type: ['application/json', 'application/scim+json'],
    limit: limits.jsonBodyBytes,
  });
  app.useBodyParser('text', { type: 'text/csv', limit: limits.csvBodyBytes });
  app.use((error: unknown, _request: unknown, _response: unknown, next: (error: unknown) => void) =>
    next(httpErrorOfBodyParser(error)),
  );
}
