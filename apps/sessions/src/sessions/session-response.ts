import { queryOperator } from '@tandem/auth';
import type { StoredSessionView, TenantReadModels } from '../infrastructure/read-models';
import type { SessionDetailsView } from '../infrastructure/views';

/** A session as the API shows it: its read model joined with its details, without storage fields. */
export function sessionResponse(view: StoredSessionView, details?: SessionDetailsView | null) {
  const { _id, tenantId: _tenantId, _applied, _revision, ...fields } = view;
  const { location, agenda } = details ?? {};
  return {
    ...fields,
    ...(location ? { location } : {}),
    agenda: agenda ?? [],
  };
}

export type SessionResponse = ReturnType<typeof sessionResponse>;

/** Responses for many sessions, their details read in one query. */
export async function sessionResponses(
  models: TenantReadModels,
  views: readonly StoredSessionView[],
): Promise<SessionResponse[]> {
  if (views.length === 0) return [];
  const details = await models.sessionDetails
    .find({ _id: queryOperator({ $in: views.map((v) => v._id) }) })
    .toArray();
  const byId = new Map(details.map((d) => [d._id, d]));
  return views.map((view) => sessionResponse(view, byId.get(view._id)));
}
