import type {
  AggregateOptions,
  Collection,
  CountDocumentsOptions,
  DeleteResult,
  Document,
  Filter,
  FindCursor,
  FindOneAndUpdateOptions,
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
    return this.collection.updateOne(this.scoped(filter), this.keepingTenant(update), options);
  }

  findOneAndUpdate(
    filter: Filter<T>,
    update: UpdateFilter<T>,
    options: FindOneAndUpdateOptions = {},
  ): Promise<WithId<T> | null> {
    return this.collection.findOneAndUpdate(this.scoped(filter), this.keepingTenant(update), options);
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

/** The collection as `tenantId` (or the principal's tenant) sees it. */
export function tenantScoped<T extends TenantOwned>(
  collection: Collection<T>,
  tenant: string | Pick<Principal, 'tenantId'>,
): TenantScopedCollection<T> {
  return new TenantScopedCollection(collection, typeof tenant === 'string' ? tenant : tenant?.tenantId);
}
