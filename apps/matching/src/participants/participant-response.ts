import type { ParticipantView } from '../infrastructure/views';

/** Demographic attributes never leave the service one person at a time: they feed aggregates only. */
export function participantResponse(view: ParticipantView) {
  const { _id: _storageId, tenantId: _tenantId, _applied, _revision, profile, ...participant } = view;
  const {
    demographics: _demographics,
    demographicsConsent: _consent,
    ...shownProfile
  } = profile as ParticipantView['profile'] & {
    demographicsConsent?: boolean;
  };
  return { ...participant, profile: shownProfile };
}
