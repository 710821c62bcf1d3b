import type { EventEnvelope } from '@tandem/events';

export interface ProgramFacts {
  tenantId: string;
  programId: string;
  adminIds: string[];
}

/** Pure: a program's admins after matching's program.created / program.updated (newest versions). */
export function evolveProgramFacts(state: ProgramFacts | undefined, event: EventEnvelope): ProgramFacts {
  const base = state ?? {
    tenantId: event.metadata.tenantId,
    programId: (event.data as { programId: string }).programId,
    adminIds: [],
  };
  if (event.type === 'matching.program.created')
    return { ...base, adminIds: [...event.data.settings.adminIds] };
  if (event.type === 'matching.program.updated' && event.data.changes.adminIds)
    return { ...base, adminIds: [...event.data.changes.adminIds] };
  return base;
}
