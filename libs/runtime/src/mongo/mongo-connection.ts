import mongoose, { type Connection } from 'mongoose';

/**
 * The service's own MongoDB database. The service starts even when MongoDB is down (readiness
 * says so); the first failed connect is retried by the next readiness probe or `connected()` call.
 */
export class MongoConnection {
  readonly connection: Connection;
  private opening: Promise<unknown> | undefined;

  constructor(private readonly uri: string) {
    this.connection = mongoose.createConnection();
    // Errors after the first connect surface through ping(); without a listener they would crash.
    this.connection.on('error', () => undefined);
  }

  /** Resolves once connected, opening (or re-opening after a failed first attempt) as needed. */
  async connected(): Promise<Connection> {
    if (this.connection.readyState === mongoose.ConnectionStates.connected) return this.connection;
    this.opening ??= this.connection
      .openUri(this.uri, { serverSelectionTimeoutMS: 2000, autoIndex: true })
      .finally(() => (this.opening = undefined));
    await this.opening;
    return this.connection;
  }

  async ping(): Promise<void> {
    const connection = await this.connected();
    const db = connection.db;
    if (!db) throw new Error('MongoDB connection has no database');
    await db.admin().ping();
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}
