import type { MatchRunView } from '../infrastructure/views';

export function matchRunResponse(view: MatchRunView) {
  const { _id: _storageId, tenantId: _tenantId, _applied, _revision, ...run } = view;
  return run;
}
