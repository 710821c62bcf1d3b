import { randomBytes } from 'node:crypto';

/**
 * A name no other test file or earlier run uses: safe as a Kafka topic, a consumer group and a
 * MongoDB database name (letters, digits, `_`; at most 63 characters).
 */
export function uniqueName(prefix: string): string {
  const cleanPrefix = prefix
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 40);
  return `${cleanPrefix}_${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
}
