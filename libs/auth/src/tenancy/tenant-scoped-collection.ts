import type {
  AggregateOptions,
  Collection,
  CountDocumentsOptions,
  DeleteResult,
  Document,
  Filter,
  FindCursor,
  FindOptions,
  InsertManyResult,
  InsertOneResult,
  OptionalUnlessRequiredId,
  UpdateFilter,
  UpdateOptions,
  UpdateResult,
  WithId,
} from 'mongodb';
import type { Principal } from '../principal/principal';
import { assertSafeFilter } from './query-operators';

/** A document that belongs to one tenant. */
export interface TenantOwned {
  tenantId: string;
}

/** Data access was attempted without a tenant: a programming error, refused before any I/O. */
export class MissingTenantError extends Error {
  constructor() {
    super('a tenant id is required for every query and write');
    this.name = 'MissingTenantError';
  }
}

/** An update tried to move a document to another tenant. */
export class TenantChangeError extends Error {
  constructor() {
    super('tenantId cannot be changed by an update');
    this.name = 'TenantChangeError';
  }
}

export type TenantFreeDocument<T extends TenantOwned> = Omit<OptionalUnlessRequiredId<T>, 'tenantId'>;

/**
 * One tenant's view of a collection: every filter gets `tenantId`, every inserted document gets
 * it, and no update can change it. Filters are checked for `$` keys that code did not mark with
 * `queryOperator`. Another tenant's document is simply not found, so routes answer 404.
 */
export class TenantScopedCollection<T extends TenantOwned> {
  constructor(
    readonly collection: Collection<T>,
    readonly tenantId: string,
  ) {
    if (typeof tenantId !== 'string' || tenantId.length === 0) throw new MissingTenantError();
  }

  find(filter: Filter<T> = {}, options?: FindOptions): FindCursor<WithId<T>> {
    return this.collection.find(this.scoped(filter), options);
  }

  findOne(filter: Filter<T> = {}, options?: FindOptions): Promise<WithId<T> | null> {
    const byId = idLookup(filter);
    if (byId && !options?.projection) return this.findOneById(byId.id, byId.rest);
    return this.collection.findOne(this.scoped(filter), options);
  }

  countDocuments(filter: Filter<T> = {}, options?: CountDocumentsOptions): Promise<number> {
    return this.collection.countDocuments(this.scoped(filter), options);
  }

  insertOne(document: TenantFreeDocument<T>): Promise<InsertOneResult<T>> {
    return this.collection.insertOne(this.owned(document));
  }

  insertMany(documents: readonly TenantFreeDocument<T>[]): Promise<InsertManyResult<T>> {
    return this.collection.insertMany(documents.map((document) => this.owned(document)));
  }

  updateOne(filter: Filter<T>, update: UpdateFilter<T>, options?: UpdateOptions): Promise<UpdateResult<T>> {
    const kept = this.keepingTenant(update);
    const byId = idLookup(filter);
    if (byId && Object.keys(byId.rest).length === 0 && !options?.upsert)
      return this.updateOneById(byId.id, kept, options);
    return this.collection.updateOne(this.scoped(filter), kept, options);
  }

  // A document's tenant never changes, so checking it first and then updating by _id alone is the
  // same as one scoped update, and _id-only filters are FerretDB's fast path.
  private async updateOneById(
    id: unknown,
    update: UpdateFilter<T>,
    options?: UpdateOptions,
  ): Promise<UpdateResult<T>> {
    if (!(await this.findOneById(id, {})))
      return { acknowledged: true, matchedCount: 0, modifiedCount: 0, upsertedCount: 0, upsertedId: null };
    return this.collection.updateOne({ _id: id } as Filter<T>, update, options);
  }

  updateMany(filter: Filter<T>, update: UpdateFilter<T>, options?: UpdateOptions): Promise<UpdateResult<T>> {
    return this.collection.updateMany(this.scoped(filter), this.keepingTenant(update), options);
  }

  deleteOne(filter: Filter<T>): Promise<DeleteResult> {
    return this.collection.deleteOne(this.scoped(filter));
  }

  deleteMany(filter: Filter<T>): Promise<DeleteResult> {
    return this.collection.deleteMany(this.scoped(filter));
  }

  /** Runs a pipeline (written in code) after a first `$match` on the tenant. */
  aggregate<R extends Document = Document>(pipeline: readonly Document[], options?: AggregateOptions) {
    return this.collection.aggregate<R>([{ $match: { tenantId: this.tenantId } }, ...pipeline], options);
  }

  /** By _id alone (FerretDB answers only pure _id filters without a scan), then the tenant and any plain field checked here. */
  private async findOneById(id: unknown, rest: Record<string, unknown>): Promise<WithId<T> | null> {
    assertSafeFilter(rest);
    const found = await this.collection.findOne({ _id: id } as Filter<T>);
    if (!found || (found as unknown as TenantOwned).tenantId !== this.tenantId) return null;
    const record = found as unknown as Record<string, unknown>;
    return Object.entries(rest).every(([field, value]) => record[field] === value) ? found : null;
  }

  private scoped(filter: Filter<T>): Filter<T> {
    assertSafeFilter(filter);
    return { ...filter, tenantId: this.tenantId } as Filter<T>;
  }

  private owned(document: TenantFreeDocument<T>): OptionalUnlessRequiredId<T> {
    return { ...document, tenantId: this.tenantId } as OptionalUnlessRequiredId<T>;
  }

  private keepingTenant(update: UpdateFilter<T>): UpdateFilter<T> {
    if (Array.isArray(update)) throw new TypeError('update pipelines are not supported in a tenant scope');
    for (const [operator, fields] of Object.entries(update)) {
      if (!operator.startsWith('$')) throw new TypeError('updates must use update operators such as $set');
      if (typeof fields !== 'object' || fields === null) continue;
      if (operator === '$rename' && Object.values(fields).includes('tenantId')) throw new TenantChangeError();
      if (!Object.hasOwn(fields, 'tenantId')) continue;
      // Writing back a whole view ($set / $setOnInsert with its own tenant) is fine; anything else is not.
      const keepsTenant =
        (operator === '$set' || operator === '$setOnInsert') &&
        (fields as TenantOwned).tenantId === this.tenantId;
      if (!keepsTenant) throw new TenantChangeError();
    }
    return update;
  }
}

const isPlain = (value: unknown) => value === null || ['string', 'number', 'boolean'].includes(typeof value);

/** `{ _id: <plain>, field: <plain>, … }` (no operators, no nested paths), split into the id and the rest. */
function idLookup(filter: object): { id: unknown; rest: Record<string, unknown> } | undefined {
  const { _id: id, ...rest } = filter as Record<string, unknown>;
  if (id === undefined || !isPlain(id)) return undefined;
  const simple = Object.entries(rest).every(
    ([field, value]) => !field.startsWith('$') && !field.includes('.') && isPlain(value) && value !== null,
  );
  return simple ? { id, rest } : undefined;
}

/** The collection as `tenantId` (or the principal's tenant) sees it. */
export function tenantScoped<T extends TenantOwned>(
  collection: Collection<T>,
  tenant: string | Pick<Principal, 'tenantId'>,
): TenantScopedCollection<T> {
  return new TenantScopedCollection(collection, typeof tenant === 'string' ? tenant : tenant?.tenantId);
}
