import type { ProgramView } from '../infrastructure/views';

/** The public shape of a program: the read model without storage fields. */
export function programResponse(view: ProgramView) {
  const { _id: _storageId, tenantId: _tenantId, _applied, _revision, ...program } = view;
  return program;
}
