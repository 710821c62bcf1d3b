import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { currentTraceContext } from './trace-context';

/**
 * Nest's logger as JSON lines (pino) on stdout, each carrying the trace and request id of the work
 * in hand, so a log search by trace id follows one request across services.
 */
export class JsonLogger implements LoggerService {
  readonly pino: Logger;

  constructor(service: string, level = process.env['LOG_LEVEL'] ?? 'info') {
    this.pino = pino({
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      messageKey: 'message',
    });
  }

  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }

  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }

  error(message: unknown, stackOrContext?: string, context?: string): void {
    this.write('error', message, context ?? stackOrContext);
  }

  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }

  verbose(message: unknown, context?: string): void {
    this.write('trace', message, context);
  }

  private write(
    level: 'info' | 'warn' | 'error' | 'debug' | 'trace',
    message: unknown,
    context?: string,
  ): void {
    const trace = currentTraceContext();
    const fields = { ...(context ? { context } : {}), ...(trace ?? {}) };
    if (typeof message === 'object' && message !== null) this.pino[level]({ ...fields, ...message });
    else this.pino[level](fields, String(message));
  }
}
