import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { decodeCursor, encodeCursor, queryOperator, type Principal } from '@tandem/auth';
import type { Filter } from 'mongodb';
import { ReadModels } from '../../infrastructure/read-model-collections';
import type { RelationshipView } from '../../infrastructure/views';
import { ProgramAccess } from '../../programs/program-access';
import type { RematchQueueQuery, RematchQueueResponse } from './rematch-queue.schemas';

export class GetRematchQueue {
  constructor(
    readonly principal: Principal,
    readonly programId: string,
    readonly page: RematchQueueQuery,
  ) {}
}

/** A program's mentees waiting for a re-match, longest waiting first; for its admins. */
@QueryHandler(GetRematchQueue)
export class GetRematchQueueHandler implements IQueryHandler<GetRematchQueue, RematchQueueResponse> {
  constructor(
    private readonly access: ProgramAccess,
    private readonly readModels: ReadModels,
  ) {}

  async execute({ principal, programId, page }: GetRematchQueue): Promise<RematchQueueResponse> {
    await this.access.managed(principal, programId);
    const filter: Filter<RelationshipView> = { programId, 'rematch.status': 'queued' };
    if (page.cursor !== undefined) {
      const [at, id] = decodeCursor(page.cursor).map(String);
      filter.$or = [
        { 'rematch.requestedAt': queryOperator({ $gt: at }) },
        { 'rematch.requestedAt': at, relationshipId: queryOperator({ $gt: id }) },
      ];
      queryOperator(filter);
    }
    const found = await this.readModels
      .forTenant(principal)
      .relationships.find(filter, {
        sort: { 'rematch.requestedAt': 1, relationshipId: 1 },
        limit: page.limit + 1,
      })
      .toArray();
    const items = found.slice(0, page.limit).map((r) => ({
      relationshipId: r.relationshipId,
      menteeIds: r.menteeIds,
      previousMentorIds: r.mentorIds,
      requestedBy: r.rematch?.requestedBy ?? '',
      requestedAt: r.rematch?.requestedAt ?? '',
    }));
    const last = items.at(-1);
    return found.length > page.limit && last
      ? { items, nextCursor: encodeCursor([last.requestedAt, last.relationshipId]) }
      : { items };
  }
}
