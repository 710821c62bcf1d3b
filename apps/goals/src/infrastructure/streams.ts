/** Stream ids per aggregate; the prefix tells the projector which decider folds a stream. */
export const streams = {
  goal: (goalId: string) => `goal-${goalId}`,
  template: (templateId: string) => `goal-template-${templateId}`,
} as const;

export type AggregateKind = keyof typeof streams;

// Longest prefix first: "goal-template-" also starts with "goal-".
const prefixes: readonly [string, AggregateKind][] = [
  ['goal-template-', 'template'],
  ['goal-', 'goal'],
];

export function parseStreamId(streamId: string): { kind: AggregateKind; id: string } | undefined {
  const match = prefixes.find(([prefix]) => streamId.startsWith(prefix));
  return match && { kind: match[1], id: streamId.slice(match[0].length) };
}
