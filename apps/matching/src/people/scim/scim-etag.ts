/** SCIM ETags are weak versions: `W/"3"` (a strong `"3"` is read the same way). */
const ETAG = /^\s*(?:W\/)?"(\d+)"\s*$/;

export const etagOf = (version: number): string => `W/"${version}"`;

/** The version an If-Match names; undefined for none, `*`, or a value that is no ETag of ours. */
export function versionInEtag(value: string | undefined): number | undefined {
  const match = value === undefined ? null : ETAG.exec(value);
  return match ? Number(match[1]) : undefined;
}
