import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { tap } from 'rxjs/operators';

interface HeaderResponse {
  getHeader(name: string): unknown;
  setHeader(name: string, value: string): void;
  readonly headersSent: boolean;
}

const versionOf = (body: unknown): number | undefined => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const version = (body as { version?: unknown }).version;
  return Number.isSafeInteger(version) ? (version as number) : undefined;
};

/**
 * Every answer that is one versioned resource (a body with an integer `version`, its stream version)
 * carries `ETag: "<version>"`, the value a later command sends as If-Match. A route that set its own
 * ETag keeps it; lists (no `version` of their own) get none.
 */
@Injectable()
export class EtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const response = context.switchToHttp().getResponse<HeaderResponse>();
    return next.handle().pipe(
      tap((body) => {
        const version = versionOf(body);
        if (version === undefined || response.headersSent || response.getHeader('etag') !== undefined) return;
        response.setHeader('ETag', `"${version}"`);
      }),
    );
  }
}
