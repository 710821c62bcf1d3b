import { startServiceApi, type ServiceApi } from '@tandem/runtime/testing';
import { matchingService } from './matching.module';

export type { ApiClient } from '@tandem/runtime/testing';
export type MatchingApi = ServiceApi;

/** The matching service on the real local Kafka and MongoDB; `consumeEvents` reads its topic into `events`. */
export function startMatchingApi({
  consumeEvents = false,
}: { consumeEvents?: boolean } = {}): Promise<MatchingApi> {
  return startServiceApi(matchingService, { consumeContexts: consumeEvents ? ['matching'] : [] });
}
