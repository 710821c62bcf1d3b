import type { RelationshipView } from '../infrastructure/views';

export function relationshipResponse(view: RelationshipView) {
  const { _id: _storageId, tenantId: _tenantId, _applied, _revision, ...relationship } = view;
  return relationship;
}
