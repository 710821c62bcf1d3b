import { programCreatedData as sharedProgramCreatedData } from '@tandem/testing';
import { eventDefinition, type EventData, type EventEnvelope, type TandemEventType } from '@tandem/events';
import { testEnvelope, type ServiceApi } from '@tandem/runtime/testing';
import { FactGenerations } from './infrastructure/fact-generations';
import { FactWriter } from './infrastructure/fact-writer';

/**
 * Records events straight into the active facts through the service's own FactWriter: a report's
 * rule is then tested over HTTP on a history spanning months, without waiting on Kafka.
 */
export function factRecorder(api: ServiceApi, tenantId: string) {
  const versions = new Map<string, number>();
  return async <T extends TandemEventType>(type: T, data: EventData<T>, streamId: string, time: string) => {
    const streamVersion = (versions.get(streamId) ?? 0) + 1;
    versions.set(streamId, streamVersion);
    const envelope = {
      ...testEnvelope(type, data, { tenantId, streamId, streamVersion, time }),
      version: eventDefinition(type)!.version,
    } as EventEnvelope;
    const { active } = await api.app.get(FactGenerations).current();
    await api.app.get(FactWriter).record(active, envelope);
  };
}

/** `matching.program.created` with the settings the reports read (cadence, admins). */
export const programCreatedData = (
  programId: string,
  sessionsPerMonth: number,
): EventData<'matching.program.created'> => sharedProgramCreatedData(programId, { sessionsPerMonth });
