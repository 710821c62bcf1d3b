import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConcurrencyError } from '@tandem/eventstore';
import { RuleViolationError, type RelationshipCommand } from '@tandem/matching-domain';
import { AggregateStore } from '../infrastructure/aggregate-store';

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

@Injectable()
export class RelationshipProposals {
  constructor(private readonly aggregates: AggregateStore) {}

  async propose(tenantId: string, proposal: Proposal, now: Date): Promise<void> {
    const expiresAt = new Date(now.getTime() + proposal.proposalTtlDays * 86_400_000).toISOString();
    const { proposalTtlDays: _ttl, ...command } = proposal;
    await this.aggregates.execute('relationship', {
      tenantId,
      id: proposal.relationshipId,
      command: { type: 'propose', ...command, score: Math.round(proposal.score * 100) / 100, expiresAt },
      expectedVersion: 0,
    });
  }

  /** For retries: a proposal that already exists counts as made. */
  async proposeOnce(tenantId: string, proposal: Proposal, now: Date): Promise<void> {
    try {
      await this.propose(tenantId, proposal, now);
    } catch (error) {
      const exists =
        error instanceof ConcurrencyError ||
        (error instanceof RuleViolationError && error.code === 'relationship-exists');
      if (!exists) throw error;
    }
  }
}
