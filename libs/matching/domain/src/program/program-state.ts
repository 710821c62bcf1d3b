import type { EventData } from '@tandem/events';
import type { ProgramType } from '../scoring/matching-profile';

export type { ProgramType };
export type ProgramSettings = EventData<'matching.program.created'>['settings'];
export type ProgramStatus = 'draft' | 'enrolment-open' | 'enrolment-closed' | 'active' | 'closed';

export type ProgramState =
  | { readonly status: 'none' }
  | {
      readonly status: ProgramStatus;
      readonly programId: string;
      readonly programType: ProgramType;
      readonly settings: ProgramSettings;
    };

export type ExistingProgram = Exclude<ProgramState, { status: 'none' }>;
