import type { z } from 'zod';

/** One failing field of a request, as the 400 body lists it (`errors[]` of the problem details: path, code, message). */
export interface FieldProblem {
  readonly field: string;
  /** Stable, kebab-case: zod's issue code (`too-big`, `invalid-type`…) or `not-allowed`; `invalid` when left out. */
  readonly code?: string;
  readonly message: string;
}

const fieldName = (path: readonly PropertyKey[]) =>
  path.length === 0 ? '(root)' : path.map(String).join('.');

/** Zod issues → the fields a 400 names; each unknown key is its own field, "is not allowed". */
export function fieldProblemsOf(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  return issues.flatMap((issue): FieldProblem[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          field: fieldName([...issue.path, key]),
          code: 'not-allowed',
          message: 'is not allowed',
        }))
      : [{ field: fieldName(issue.path), code: issue.code.replace(/_/g, '-'), message: issue.message }],
  );
}
