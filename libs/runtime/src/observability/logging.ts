import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import pino, { type DestinationStream } from 'pino';
import { currentRequestId } from './request-context';
import { routeOf } from './request-timing';
import { currentTraceIds } from './trace-context';

/** Where log lines go: stdout, a stream (tests read it), or nowhere. */
export type LogOutput = 'stdout' | DestinationStream | false;

const traceFields = (): { traceId?: string; spanId?: string } => currentTraceIds() ?? {};

const requestLine = (req: IncomingMessage, res: ServerResponse, responseTime: number) => ({
  method: req.method,
  route: routeOf(req),
  status: res.statusCode,
  ms: responseTime,
});

/**
 * `nestjs-pino` settings of every service: one JSON line per record with `service`, `level`, `time`,
 * `message`, and the OpenTelemetry `traceId`/`spanId` of the work in hand (a request, a consumed
 * event); lines made while handling a request also carry its `requestId`, and each request ends with
 * one `request` line (method, route pattern, status, ms). Requests are logged by route pattern,
 * never by URL or headers, so tokens and calendar-feed secrets stay out.
 */
export function loggingParams(service: string, level: string, output: LogOutput): Params {
  const options: pino.LoggerOptions = {
    level: output === false ? 'silent' : level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    messageKey: 'message',
    // The trace of the request, or of the event being handled, on every record.
    mixin: traceFields,
    serializers: { req: (req: IncomingMessage) => ({ method: req.method, route: routeOf(req) }) },
    redact: { paths: ['authorization', '*.authorization', 'headers.authorization', '*.headers.authorization'] },
  };
  const http = {
    ...options,
    // `traceRequests` has already kept or made the id (and echoed it as `x-request-id`).
    genReqId: () => currentRequestId() ?? randomUUID(),
    customAttributeKeys: { reqId: 'requestId', responseTime: 'ms' },
    quietReqLogger: true,
    quietResLogger: true,
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request',
    customSuccessObject: (req: IncomingMessage, res: ServerResponse, val: { ms: number }) =>
      requestLine(req, res, val.ms),
    customErrorObject: (req: IncomingMessage, res: ServerResponse, err: Error, val: { ms: number }) => ({
      ...requestLine(req, res, val.ms),
      err,
    }),
  };
  return { pinoHttp: output === false || output === 'stdout' ? http : [http, output] };
}
