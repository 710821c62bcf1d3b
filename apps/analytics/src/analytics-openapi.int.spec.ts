import type { OpenAPIObject } from '@nestjs/swagger';
import {
  operationsWithRequestInput,
  startServiceApi,
  undescribedRequestParts,
  type ServiceApi,
} from '@tandem/runtime/testing';
import { analyticsService } from './analytics.module';

describe('analytics OpenAPI document', () => {
  let api: ServiceApi;
  let document: OpenAPIObject;

  beforeAll(async () => {
    api = await startServiceApi(analyticsService);
    document = (await (await fetch(`${api.url}/api/analytics/docs/openapi.json`)).json()) as OpenAPIObject;
  });
  afterAll(() => api?.close());

  it('describes with a schema every body and query string its handlers read, and path parameters as strings', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(operationsWithRequestInput(api.app, document)).toBeGreaterThan(0);
    expect(undescribedRequestParts(api.app, document)).toEqual([]);
  });
});
