import { tracingModeOf } from './tracing';

describe('tracingModeOf (which OpenTelemetry a process runs)', () => {
  it('exports when an OTLP endpoint is set, for all signals or for traces', () => {
    expect(tracingModeOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe('export');
    expect(tracingModeOf({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(
      'export',
    );
  });

  it('carries only the traces callers send when no endpoint (or a blank one) is set', () => {
    expect(tracingModeOf({})).toBe('propagate');
    expect(tracingModeOf({ OTEL_EXPORTER_OTLP_ENDPOINT: ' ' })).toBe('propagate');
  });

  it('is off altogether with OTEL_SDK_DISABLED=true, endpoint or not', () => {
    expect(tracingModeOf({ OTEL_SDK_DISABLED: 'TRUE', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' })).toBe(
      'off',
    );
    expect(tracingModeOf({ OTEL_SDK_DISABLED: 'false', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' })).toBe(
      'export',
    );
  });
});
