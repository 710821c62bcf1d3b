import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { MongoConnection } from '@tandem/runtime';
import type { Collection } from 'mongodb';

/** A tenant's SCIM bearer token, kept as its SHA-256 only: the token itself is shown once. */
export interface ScimTokenDocument {
  _id: string;
  tenantId: string;
  hash: string;
  createdAt: string;
  createdBy: string;
  revokedAt?: string;
}

export interface IssuedScimToken {
  readonly tokenId: string;
  readonly token: string;
  readonly createdAt: string;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Bearer tokens an identity provider (Okta, Entra ID) provisions a tenant's people with. Tokens are
 * random (256 bits), so a fast hash is enough to keep them: nothing can be guessed from it.
 */
@Injectable()
export class ScimTokens implements OnApplicationBootstrap {
  constructor(private readonly mongo: MongoConnection) {}

  private get tokens(): Collection<ScimTokenDocument> {
    return this.mongo.db.collection<ScimTokenDocument>('scim_tokens');
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.tokens.createIndexes([
      { key: { hash: 1 }, unique: true },
      { key: { tenantId: 1, createdAt: -1 } },
    ]);
  }

  async issue(tenantId: string, createdBy: string): Promise<IssuedScimToken> {
    const token = `tandem_scim_${randomBytes(32).toString('base64url')}`;
    const document: ScimTokenDocument = {
      _id: randomUUID(),
      tenantId,
      hash: hashOf(token),
      createdAt: new Date().toISOString(),
      createdBy,
    };
    await this.tokens.insertOne(document);
    return { tokenId: document._id, token, createdAt: document.createdAt };
  }

  list(tenantId: string): Promise<ScimTokenDocument[]> {
    return this.tokens
      .find({ tenantId }, { projection: { hash: 0 } })
      .sort({ createdAt: -1 })
      .limit(100)
      .toArray();
  }

  /** True if the tenant had that token and it was not revoked yet. */
  async revoke(tenantId: string, tokenId: string): Promise<boolean> {
    const result = await this.tokens.updateOne(
      { _id: tokenId, tenantId, revokedAt: { $exists: false } },
      { $set: { revokedAt: new Date().toISOString() } },
    );
    return result.matchedCount === 1;
  }

  /** The tenant and token id a presented token belongs to, unless unknown or revoked. */
  async verify(token: string): Promise<{ tenantId: string; tokenId: string } | undefined> {
    const found = await this.tokens.findOne({ hash: hashOf(token), revokedAt: { $exists: false } });
    return found ? { tenantId: found.tenantId, tokenId: found._id } : undefined;
  }
}
