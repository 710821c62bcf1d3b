import type { TenantScopedCollection } from '@tandem/auth';
import type { DisclosureBaseline, MenteeStatus } from '@tandem/matching-domain';
import type { MatchRunView } from '../../infrastructure/views';

/**
 * What the program's admins have already been shown about its mentees: the enrolment, and whom
 * each earlier run (draft or published) matched and left unmatched. A new run's group figures must
 * not subtract against any of them down to fewer than k people (docs/adr, group figures).
 */
export async function disclosureBaselines(
  runs: TenantScopedCollection<MatchRunView>,
  programId: string,
  enrolledMenteeIds: readonly string[],
): Promise<DisclosureBaseline[]> {
  const earlier = await runs
    .find({ programId }, { projection: { 'pairs.menteeId': 1, 'report.unmatchedMentees.menteeId': 1 } })
    .toArray();
  const enrolment = new Map(enrolledMenteeIds.map((id): [string, MenteeStatus] => [id, 'enrolled']));
  return [
    enrolment,
    ...earlier.map(
      (run) =>
        new Map<string, MenteeStatus>([
          ...(run.report?.unmatchedMentees ?? []).map((u): [string, MenteeStatus] => [
            u.menteeId,
            'unmatched',
          ]),
          ...(run.pairs ?? []).map((p): [string, MenteeStatus] => [p.menteeId, 'matched']),
        ]),
    ),
  ];
}
