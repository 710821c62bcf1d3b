import type { IncomingMessage } from 'node:http';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { MongoDBInstrumentation } from '@opentelemetry/instrumentation-mongodb';
import { NodeSDK } from '@opentelemetry/sdk-node';

/**
 * `export`: the OpenTelemetry SDK records spans and sends them over OTLP. `propagate`: no spans, but a
 * caller's W3C `traceparent` is still carried into logs, appended events and consumers. `off`: neither.
 */
export type TracingMode = 'export' | 'propagate' | 'off';

type Env = Readonly<Record<string, string | undefined>>;

const isSet = (value: string | undefined) => value !== undefined && value.trim() !== '';

/** Export when an OTLP endpoint is configured, nothing at all when `OTEL_SDK_DISABLED=true`. */
export function tracingModeOf(env: Env): TracingMode {
  if (env['OTEL_SDK_DISABLED']?.trim().toLowerCase() === 'true') return 'off';
  return isSet(env['OTEL_EXPORTER_OTLP_ENDPOINT']) || isSet(env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'])
    ? 'export'
    : 'propagate';
}

// Probes and scrapes every few seconds would bury the traces worth reading.
const unsampledPaths = /^\/(health\/|metrics(\/|\?|$))/;
const isProbe = (request: IncomingMessage) => unsampledPaths.test(request.url ?? '');

const instrumentations = () => [
  new HttpInstrumentation({ ignoreIncomingRequestHook: isProbe }),
  new ExpressInstrumentation(),
  new MongoDBInstrumentation(),
  new KafkaJsInstrumentation(),
];

/** Only traces: logs and metrics have their own paths (stdout JSON lines, `/metrics`). */
const tracesOnly = { logRecordProcessors: [], metricReaders: [] };

function sdkFor(mode: TracingMode, service: string, env: Env): NodeSDK | undefined {
  const textMapPropagator = new W3CTraceContextPropagator();
  if (mode === 'off') return undefined;
  if (mode === 'propagate')
    // No span processor: the SDK registers only its async context and the propagator.
    return new NodeSDK({ ...tracesOnly, textMapPropagator, spanProcessors: [], autoDetectResources: false });
  return new NodeSDK({
    ...tracesOnly,
    textMapPropagator,
    serviceName: env['OTEL_SERVICE_NAME']?.trim() || `tandem-${service}`,
    // OTLP over HTTP (JSON); endpoint, headers, timeout and compression come from OTEL_EXPORTER_OTLP_*.
    traceExporter: new OTLPTraceExporter(),
    instrumentations: instrumentations(),
  });
}

/** Modules the instrumentations must patch: loaded before `startTracing`, their calls go untraced. */
const patchedModules = ['express', 'mongodb', 'kafkajs'];

function warnIfLoadedBefore(): void {
  const loaded = Object.keys(require.cache);
  const late = patchedModules.filter((name) =>
    loaded.some((file) => file.includes(`/node_modules/${name}/`)),
  );
  if (late.length === 0) return;
  const message = `loaded before tracing started, so not traced: ${late.join(', ')}`;
  process.stderr.write(`${JSON.stringify({ level: 'warn', logger: 'tracing', message })}\n`);
}

let started: { mode: TracingMode; sdk: NodeSDK | undefined } | undefined;

/**
 * Starts OpenTelemetry for the process once (later calls return the first mode). A service's main.ts
 * calls it before anything else is imported, since the HTTP, Express, MongoDB and kafkajs
 * instrumentations patch those modules as they load; `createServiceApp` calls it too, so an app
 * built without main.ts (tests) still carries callers' traces.
 */
export function startTracing(service: string, env: Env = process.env): TracingMode {
  if (started) return started.mode;
  const mode = tracingModeOf(env);
  const sdk = sdkFor(mode, service, env);
  if (mode === 'export') warnIfLoadedBefore();
  sdk?.start();
  started = { mode, sdk };
  return mode;
}

/** Sends the spans still buffered and stops the SDK; what a service does last when it stops. */
export async function stopTracing(): Promise<void> {
  const sdk = started?.sdk;
  if (started) started = { mode: started.mode, sdk: undefined };
  await sdk?.shutdown();
}
