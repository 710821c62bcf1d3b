import type { EventData } from '@tandem/events';

export type ParticipantRole = 'mentor' | 'mentee';
export type Facets = EventData<'matching.participant.enrolled'>['facets'];

export type ParticipantState =
  | { readonly status: 'none' }
  | {
      readonly status: 'enrolled' | 'withdrawn';
      readonly participantId: string;
      readonly programId: string;
      readonly userId: string;
      readonly roles: readonly ParticipantRole[];
      readonly capacity?: number;
      readonly facets: Facets;
    };
