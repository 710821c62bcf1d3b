import { randomUUID } from 'node:crypto';
import { createTestIssuer } from '@tandem/auth/testing';
import {
  eventDefinition,
  validateEventData,
  type EventData,
  type EventEnvelope,
  type TandemEventType,
} from '@tandem/events';
import { startServiceApi, testEnvelope, type ServiceApi } from '@tandem/runtime/testing';
import { analyticsService } from '../../analytics.module';
import { FactGenerations } from '../../infrastructure/fact-generations';
import { FactWriter } from '../../infrastructure/fact-writer';

const FORMULA = '=HYPERLINK("x")';

/**
 * Event schemas admit only ids and lower-case codes, so no formula can arrive over Kafka today
 * (first assertion). The cell is therefore put where a laxer past or future schema would leave it:
 * in the facts, through the service's own FactWriter, and read back over HTTP.
 */
describe('GET /export.csv defuses spreadsheet formulas', () => {
  const tenantId = `acme-${randomUUID().slice(0, 8)}`;
  const issuer = createTestIssuer();
  let api: ServiceApi;

  beforeAll(async () => {
    api = await startServiceApi(analyticsService, { env: issuer.env });
  });
  afterAll(() => api.close());

  const envelope = <T extends TandemEventType>(
    type: T,
    data: EventData<T>,
    streamId: string,
    streamVersion = 1,
  ) =>
    ({
      ...testEnvelope(type, data, { tenantId, streamId, streamVersion, time: '2026-01-05T09:00:00.000Z' }),
      version: eventDefinition(type)!.version,
    }) as EventEnvelope;

  it('writes a formula typed into a department as text', async () => {
    const [programId, relationshipId, mentorId, menteeId] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    // Relationships name their members by user id; here a participant's id is its user's.
    const enrolled = (participantId: string, role: 'mentor' | 'mentee', department: string) =>
      envelope(
        'matching.participant.enrolled',
        { programId, participantId, userId: participantId, roles: [role], facets: { department } },
        `participant-${participantId}`,
      );
    const ref = { relationshipId, programId };
    const pair = { mentorIds: [mentorId], menteeIds: [menteeId] };
    const events = [
      enrolled(mentorId, 'mentor', 'sales'),
      enrolled(menteeId, 'mentee', FORMULA),
      envelope(
        'matching.relationship.proposed',
        { ...ref, ...pair, score: 70, source: 'match-run', expiresAt: '2026-02-05T09:00:00.000Z' },
        `relationship-${relationshipId}`,
      ),
      envelope(
        'matching.relationship.started',
        { ...ref, ...pair, startedAt: '2026-01-06T09:00:00.000Z' },
        `relationship-${relationshipId}`,
        2,
      ),
    ];
    // Four sales mentees of one mentor: the answer as a whole is behind k people, so it is not refused.
    for (let i = 0; i < 4; i += 1) {
      const [salesRelationship, salesMentee] = [randomUUID(), randomUUID()];
      const salesPair = {
        relationshipId: salesRelationship,
        programId,
        mentorIds: [mentorId],
        menteeIds: [salesMentee],
      };
      events.push(
        enrolled(salesMentee, 'mentee', 'sales'),
        envelope(
          'matching.relationship.started',
          { ...salesPair, startedAt: '2026-01-06T09:00:00.000Z' },
          `relationship-${salesRelationship}`,
        ),
      );
    }
    const formulaEnrolment = events[1]!;
    expect(validateEventData(formulaEnrolment.type, formulaEnrolment.data).ok).toBe(false);

    const { active } = await api.app.get(FactGenerations).current();
    for (const event of events) await api.app.get(FactWriter).record(active, event);

    const token = await issuer.token({ tenant: tenantId, sub: 'analyst-1', roles: ['analyst'] });
    const response = await fetch(
      `${api.url}/api/analytics/v1/export.csv?measures=relationships&dimensions=menteeDepartment`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    // The formula's row is below k, so suppressed (and sales with it, as its complement); its
    // department is still written, defused.
    expect(await response.text()).toBe(
      `menteeDepartment,relationships,suppressed\r\n"'=HYPERLINK(""x"")",,true\r\nsales,,true\r\n`,
    );
  });
});
