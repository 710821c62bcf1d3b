import { Logger, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { LoggerModule, Logger as PinoNestLogger } from 'nestjs-pino';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { InvalidConfigError, loadServiceConfig, type ServiceConfig } from './config/service-config';
import { answerClientErrorsAsProblems } from './http/client-errors';
import { limitRequests } from './http/request-limits';
import { ServiceRuntimeModule } from './service-runtime.module';
import type { ServiceDefinition } from './service-definition';
import { ErrorResponseFilter } from './http/error-filter';
import { serveApiDocs } from './http/api-docs';
import { timeRequests } from './observability/request-timing';
import { traceRequests } from './observability/request-context';
import { loggingParams, type LogOutput } from './observability/logging';
import { startTracing, stopTracing } from './observability/tracing';

@Module({})
class ServiceAppModule {}

/**
 * Builds the Nest application of a service (used by main.ts and by tests). It logs JSON lines at
 * `LOG_LEVEL` (default `info`) to stdout; tests pass `logger: false`, or a stream to read the lines.
 */
export async function createServiceApp(
  definition: ServiceDefinition,
  config: ServiceConfig,
  { logger = 'stdout' }: { logger?: LogOutput } = {},
): Promise<INestApplication> {
  // Started already by main.ts (before the modules it instruments loaded); here for apps built without it.
  startTracing(definition.name);
  const logging = LoggerModule.forRoot(
    loggingParams(definition.name, process.env['LOG_LEVEL'] ?? 'info', logger),
  );
  // Body parsers are ours (limits, CSV); Nest's defaults would also parse url-encoded forms.
  const app = await NestFactory.create<NestExpressApplication>(
    { module: ServiceAppModule, imports: [logging, ServiceRuntimeModule.forRoot(config, definition)] },
    { bufferLogs: true, bodyParser: false },
  );
  app.useLogger(app.get(PinoNestLogger));
  // Whether X-Forwarded-For names the client (req.ip, the per-IP rate-limit key): TRUST_PROXY.
  app.set('trust proxy', typeof config.trustProxy === 'object' ? [...config.trustProxy] : config.trustProxy);
  traceRequests(app);
  timeRequests(app);
  limitRequests(app, config.limits);
  app.setGlobalPrefix(`api/${definition.name}/v1`, { exclude: ['health/live', 'health/ready', 'metrics'] });
  app.useGlobalFilters(new ErrorResponseFilter());
  answerClientErrorsAsProblems(app);
  serveApiDocs(app, definition.name);
  return app;
}

/** main.ts of every service: validate config (exit 1 naming the bad variables), serve, stop on SIGTERM. */
export async function runService(definition: ServiceDefinition): Promise<void> {
  const logger = new Logger(definition.name);
  let config: ServiceConfig;
  try {
    config = loadServiceConfig(definition.name, definition.defaultPort, process.env);
  } catch (error) {
    if (!(error instanceof InvalidConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const app = await createServiceApp(definition, config);
  await app.listen(config.port, config.host);
  closeOnSignals(app, config.shutdownTimeoutMs, logger);
  logger.log(
    `listening on http://${config.host}:${config.port} (API /api/${definition.name}/v1, health /health/ready)`,
  );
}

function closeOnSignals(app: INestApplication, timeoutMs: number, logger: Logger): void {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal} received: finishing in-flight work and closing connections`);
    const forceExit = setTimeout(() => {
      logger.error(`shutdown took longer than ${timeoutMs} ms; exiting anyway`);
      process.exit(1);
    }, timeoutMs);
    forceExit.unref();
    // Spans still buffered go out last, after the in-flight work that made them.
    app.close().then(stopTracing).then(
      () => process.exit(0),
      (error: Error) => {
        logger.error(`shutdown failed: ${error.message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}
