import type { ProgramSettings, ProgramType } from './program-state';

export type ProgramCommand =
  | {
      readonly type: 'create-program';
      readonly programId: string;
      readonly by: string;
      readonly programType: ProgramType;
      readonly settings: ProgramSettings;
    }
  | {
      readonly type: 'update-program-settings';
      readonly by: string;
      readonly changes: Partial<ProgramSettings>;
    }
  | { readonly type: 'open-enrolment'; readonly by: string }
  | { readonly type: 'close-enrolment'; readonly by: string }
  | { readonly type: 'launch-program'; readonly by: string }
  | { readonly type: 'close-program'; readonly by: string }
  /** The scheduled job: whatever the program's dates call for on `today` (YYYY-MM-DD, UTC). */
  | { readonly type: 'follow-dates'; readonly by: string; readonly today: string };
