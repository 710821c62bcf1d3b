import type { ProgramSettings } from '@tandem/matching-domain';
import type { SettingsInput } from './program-schemas';

/** Question labels are free text: they stay in the read model, the event keeps ids, kinds and options. */
export function splitQuestionLabels(questions: NonNullable<SettingsInput['questions']>): {
  questions: ProgramSettings['questions'];
  questionLabels: Record<string, string>;
} {
  return {
    questions: questions.map(({ label: _label, ...question }) => question),
    questionLabels: Object.fromEntries(questions.map((q) => [q.id, q.label])),
  };
}
