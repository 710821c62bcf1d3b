import type { z } from 'zod';

/** One failing field of a request, as the 400 body lists it. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

const fieldName = (path: readonly PropertyKey[]) =>
  path.length === 0 ? '(root)' : path.map(String).join('.');

/** Zod issues → the fields a 400 names; each unknown key is its own field, "is not allowed". */
export function fieldProblemsOf(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  return issues.flatMap((issue): FieldProblem[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: fieldName([...issue.path, key]), message: 'is not allowed' }))
      : [{ field: fieldName(issue.path), message: issue.message }],
  );
}
