import { Injectable } from '@nestjs/common';
import { EventStore, handleCommand } from '@tandem/eventstore';
import { DomainError } from '@tandem/kernel';
import { personDecider, type DirectorySource } from '@tandem/matching-domain';
import { MongoServerError } from 'mongodb';
import { documentId, ReadModels, unprojected, written } from '../infrastructure/read-model-collections';
import { streams } from '../infrastructure/streams';
import type { DirectoryEntry, PersonView } from '../infrastructure/views';
import { ReadModelProjection } from '../read-models/read-model-projection';
import { Deprovisioning } from './deprovisioning';
import { changedFieldCodes, compactEntry, userNameKey } from './directory-fields';

/** Who changes the directory: the source and the actor's id (a user, or a SCIM token). */
export interface DirectoryActor {
  readonly tenantId: string;
  readonly source: DirectorySource;
  readonly by: string;
}

/**
 * The tenant's people: who is who, by the user id their tokens carry. Names, e-mail addresses and
 * the rest are written beside the person's events (which name only the fields that changed), so
 * erasure can reach them; the events decide, the entry follows them.
 */
@Injectable()
export class PeopleDirectory {
  constructor(
    private readonly store: EventStore,
    private readonly projection: ReadModelProjection,
    private readonly readModels: ReadModels,
    private readonly deprovisioning: Deprovisioning,
  ) {}

  /** A visible person (their first event applied, not erased), or null. */
  async find(tenantId: string, userId: string): Promise<PersonView | null> {
    const person = await this.readModels
      .forTenant(tenantId)
      .people.findOne({ _id: documentId(tenantId, userId) });
    return person && person.version > 0 && !person.erasedAt ? person : null;
  }

  /**
   * A new person with their entry. Another person with the same userName (compared without case)
   * is a conflict, refused before anything is written; so is the same user id, unless `ifAbsent`.
   */
  async provision(
    actor: DirectoryActor,
    userId: string,
    entry: DirectoryEntry,
    { active = true, ifAbsent = false }: { active?: boolean; ifAbsent?: boolean } = {},
  ): Promise<PersonView> {
    const people = this.readModels.forTenant(actor.tenantId).people;
    const _id = documentId(actor.tenantId, userId);
    const existing = await people.findOne({ _id });
    if (existing && existing.version > 0) {
      if (ifAbsent) return existing;
      throw new DomainError('person-exists', `${userId} is already in the directory`, 'conflict');
    }
    const stored = compactEntry(entry);
    await this.refuseTakenUserName(actor.tenantId, userId, stored.userName);
    // The entry first (invisible: version 0), then the event that makes it a person: a crash in
    // between leaves an invisible entry that the next attempt overwrites.
    const now = new Date().toISOString();
    await this.unique(() =>
      people.updateOne(
        { _id },
        {
          $set: {
            tenantId: actor.tenantId,
            userId,
            active,
            createdAt: now,
            updatedAt: now,
            entry: stored,
            ...keyOf(stored),
            ...unprojected,
          },
        },
        { upsert: true },
      ),
    );
    const handled = await handleCommand(this.store, personDecider, {
      tenantId: actor.tenantId,
      streamId: streams.person(userId),
      command: {
        type: 'provision',
        userId,
        by: actor.by,
        source: actor.source,
        changedFields: changedFieldCodes({}, stored),
        ifAbsent,
      },
      expectedVersion: 0,
    });
    await this.projection.applyAppended(handled.events);
    if (!active) await this.update(actor, userId, stored, { active: false });
    return written(people.findOne({ _id }));
  }

  /**
   * Replaces a person's entry (and, when given, whether they are active) as of `expectedVersion`
   * when given: a concurrent change is a conflict and nothing is written.
   */
  async update(
    actor: DirectoryActor,
    userId: string,
    entry: DirectoryEntry,
    { active, expectedVersion }: { active?: boolean; expectedVersion?: number } = {},
  ): Promise<PersonView> {
    const people = this.readModels.forTenant(actor.tenantId).people;
    const person = await this.find(actor.tenantId, userId);
    if (!person) throw new DomainError('person-not-found', 'Person not found', 'not-found');
    const stored = compactEntry(entry);
    const changedFields = changedFieldCodes(person.entry, stored);
    const renamed = changedFields.includes('user-name');
    const _id = documentId(actor.tenantId, userId);
    if (renamed) {
      await this.refuseTakenUserName(actor.tenantId, userId, stored.userName);
      // The new userName is taken before the event is appended: when two people race for it, the
      // unique index refuses one here, with nothing written for them.
      await this.setUserNameKey(actor.tenantId, _id, keyOf(stored).userNameKey);
    }
    let handled: Awaited<ReturnType<typeof handleCommand>>;
    try {
      handled = await handleCommand(this.store, personDecider, {
        tenantId: actor.tenantId,
        streamId: streams.person(userId),
        command: {
          type: 'update',
          userId,
          by: actor.by,
          source: actor.source,
          changedFields,
          ...(active === undefined ? {} : { active }),
        },
        expectedVersion: expectedVersion ?? person.version,
      });
    } catch (error) {
      // Refused (a concurrent change): the userName goes back, unless the change that won has set
      // its own since, or someone took the old one meanwhile.
      if (renamed)
        await this.setUserNameKey(actor.tenantId, _id, keyOf(person.entry).userNameKey, {
          ifNow: keyOf(stored).userNameKey,
        }).catch(() => undefined);
      throw error;
    }
    await this.projection.applyAppended(handled.events);
    // From the topic too (a crash here loses nothing); at once, so the answer's effects are visible.
    if (handled.events.some((event) => event.type === 'matching.person.deactivated'))
      await this.deprovisioning.deprovision(actor.tenantId, userId);
    if (changedFields.length > 0)
      await this.unique(() =>
        people.updateOne(
          { _id },
          keyOf(stored).userNameKey === undefined
            ? { $set: { entry: stored }, $unset: { userNameKey: '' }, $inc: { _revision: 1 } }
            : { $set: { entry: stored, ...keyOf(stored) }, $inc: { _revision: 1 } },
        ),
      );
    return written(people.findOne({ _id }));
  }

  /** Marks a person deleted through SCIM (deactivated, and gone for SCIM) without losing their history. */
  async removeFromScim(actor: DirectoryActor, userId: string): Promise<void> {
    const person = await this.find(actor.tenantId, userId);
    if (!person || person.scimDeleted)
      throw new DomainError('person-not-found', 'Person not found', 'not-found');
    await this.update(actor, userId, person.entry, { active: false });
    await this.readModels
      .forTenant(actor.tenantId)
      .people.updateOne({ _id: person._id }, { $set: { scimDeleted: true }, $inc: { _revision: 1 } });
  }

  private async refuseTakenUserName(tenantId: string, userId: string, userName: string | undefined) {
    const key = userNameKey(userName);
    if (key === undefined) return;
    const holder = await this.readModels.forTenant(tenantId).people.findOne({ userNameKey: key });
    if (holder && holder.userId !== userId)
      throw new DomainError('user-name-taken', `userName ${userName} belongs to someone else`, 'conflict');
  }

  /** Sets (or, for none, removes) the person's userName key; with `ifNow`, only while it is that one. */
  private setUserNameKey(
    tenantId: string,
    _id: string,
    key: string | undefined,
    { ifNow }: { ifNow?: string } = {},
  ) {
    const people = this.readModels.forTenant(tenantId).people;
    return this.unique(() =>
      people.updateOne(
        ifNow === undefined ? { _id } : { _id, userNameKey: ifNow },
        key === undefined
          ? { $unset: { userNameKey: '' }, $inc: { _revision: 1 } }
          : { $set: { userNameKey: key }, $inc: { _revision: 1 } },
      ),
    );
  }

  /** The unique index on userName has the last word when two requests race. */
  private async unique<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (error instanceof MongoServerError && error.code === 11000)
        throw new DomainError('user-name-taken', 'userName belongs to someone else', 'conflict');
      throw error;
    }
  }
}

const keyOf = (entry: DirectoryEntry): { userNameKey?: string } => {
  const key = userNameKey(entry.userName);
  return key === undefined ? {} : { userNameKey: key };
};
