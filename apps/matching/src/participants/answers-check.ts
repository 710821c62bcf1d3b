import { invalidRequest, type FieldProblem } from '@tandem/auth';
import type { ProgramSettings } from '@tandem/matching-domain';
import type { ProfileInput } from './participant-schemas';

/** Answers must fit the program's custom questions: known id, an offered option, a number in range. */
export function checkAnswers(
  answers: ProfileInput['answers'],
  questions: ProgramSettings['questions'],
  fieldPrefix = 'profile.answers',
): void {
  const problems = answerProblems(answers, questions, fieldPrefix);
  if (problems.length > 0) throw invalidRequest('body', problems);
}

/** The answers that do not fit the program's questions, one problem each (none: all fit). */
export function answerProblems(
  answers: ProfileInput['answers'],
  questions: ProgramSettings['questions'],
  fieldPrefix = 'profile.answers',
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [id, answer] of Object.entries(answers)) {
    const field = `${fieldPrefix}.${id}`;
    const question = questions.find((q) => q.id === id);
    if (!question) {
      problems.push({ field, message: 'is not a question of this program' });
      continue;
    }
    switch (question.kind) {
      case 'single-choice':
        if (typeof answer !== 'string' || !question.options.includes(answer))
          problems.push({ field, message: `must be one of ${question.options.join(', ')}` });
        break;
      case 'multi-choice':
        if (!Array.isArray(answer) || answer.some((a) => !question.options.includes(a))) {
          problems.push({ field, message: `must be a list of ${question.options.join(', ')}` });
        }
        break;
      case 'number':
        if (typeof answer !== 'number' || answer < question.min || answer > question.max)
          problems.push({ field, message: `must be a number from ${question.min} to ${question.max}` });
        break;
      default: {
        const exhaustive: never = question;
        return exhaustive;
      }
    }
  }
  return problems;
}
