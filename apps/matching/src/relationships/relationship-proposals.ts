import { createHash } from 'node:crypto';
import type { RelationshipCommand } from '@tandem/matching-domain';

type ProposeCommand = Extract<RelationshipCommand, { type: 'propose' }>;

/** A propose command before its expiry is fixed: the program's time to live instead. */
export type Proposal = Omit<ProposeCommand, 'type' | 'expiresAt'> & { readonly proposalTtlDays: number };

/** The relationship id a published run gives a pair or group: derived, so publishing is repeatable. */
export function relationshipIdOf(runId: string, mentorId: string, menteeIds: readonly string[]): string {
  const hex = createHash('sha256')
    .update([runId, mentorId, ...[...menteeIds].sort()].join('\u0000'))
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The relationship decider's `propose` command: expiring `proposalTtlDays` after `now`. */
export function proposeCommandOf(proposal: Proposal, now: Date): ProposeCommand {
  const { proposalTtlDays, ...command } = proposal;
  return {
    type: 'propose',
    ...command,
    score: Math.round(proposal.score * 100) / 100,
    expiresAt: new Date(now.getTime() + proposalTtlDays * 86_400_000).toISOString(),
  };
}
