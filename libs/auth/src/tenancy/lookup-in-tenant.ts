import type { Document } from 'mongodb';

export interface TenantLookup {
  readonly tenantId: string;
  /** The collection joined from, whose `_id`s are `<tenant>/<id>`. */
  readonly from: string;
  /** The field of the joining document holding the other's id (without the tenant prefix). */
  readonly idField: string;
  /** Where the joined documents go (none or one). */
  readonly as: string;
}

/**
 * Aggregation stages joining the document `<tenant>/<idField>` of `from`, in the tenant only: a
 * `$lookup` is not scoped by a tenant-scoped collection, so its pipeline filters the tenant itself.
 * The helper field it adds is named `<as>Key`; strip it before writing the document back.
 */
export function lookupInTenant({ tenantId, from, idField, as }: TenantLookup): Document[] {
  const keyField = `${as}Key`;
  return [
    { $addFields: { [keyField]: { $concat: [`${tenantId}/`, `$${idField}`] } } },
    {
      $lookup: {
        from,
        localField: keyField,
        foreignField: '_id',
        pipeline: [{ $match: { tenantId } }],
        as,
      },
    },
  ];
}
