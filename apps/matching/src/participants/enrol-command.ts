import type { ParticipantCommand } from '@tandem/matching-domain';
import type { ParticipantProfile } from '../infrastructure/views';
import type { VisibleProgram } from '../programs/program-access';
import { facetCode } from './participant-identity';
import type { EnrolBody } from './participant-schemas';

export type EnrolCommand = Extract<ParticipantCommand, { type: 'enrol' }>;

/** The participant decider's `enrol` command for an enrolment body (the JSON route and CSV rows alike). */
export function enrolCommandOf(
  program: VisibleProgram,
  participantId: string,
  userId: string,
  body: EnrolBody,
  byProgramAdmin: boolean,
): EnrolCommand {
  const { department, level, location } = body.profile;
  const facets = {
    ...(facetCode(department) ? { department: facetCode(department) } : {}),
    ...(level === undefined ? {} : { level: String(level) }),
    ...(facetCode(location) ? { location: facetCode(location) } : {}),
  };
  return {
    type: 'enrol',
    participantId,
    programId: program.programId,
    userId,
    roles: body.roles,
    ...(body.capacity === undefined ? {} : { capacity: body.capacity }),
    facets,
    program: {
      status: program.status,
      programType: program.programType,
      defaultMentorCapacity: program.settings.maxGroupSize ?? program.settings.defaultMentorCapacity,
      ...(program.settings.maxGroupSize === undefined ? {} : { maxGroupSize: program.settings.maxGroupSize }),
    },
    byProgramAdmin,
  };
}

/**
 * The profile kept in the read model (personal data, never in events); demographics only with consent.
 * An `overallCapacity` in the body is the person's, not the enrolment's (see mentor-load/).
 */
export function profileOf(body: EnrolBody): ParticipantProfile {
  const { demographicsConsent, demographics, ...fields } = body.profile;
  return {
    ...fields,
    ...(demographicsConsent && demographics ? { demographics } : {}),
  } as ParticipantProfile;
}
