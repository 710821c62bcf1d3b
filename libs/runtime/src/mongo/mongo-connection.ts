import { MongoClient, type Db } from 'mongodb';
import mongoose, { type Connection } from 'mongoose';

/**
 * The service's own MongoDB database, one connection pool for both the native driver (event
 * store) and mongoose (read models). The service starts even when MongoDB is down (readiness
 * says so): native operations connect on first use, mongoose models buffer until `connected()`.
 */
export class MongoConnection {
  readonly client: MongoClient;
  /** Native handle; usable at once, the driver connects on the first operation. */
  readonly db: Db;
  /** For mongoose models; attached to the client once it has connected. */
  readonly connection: Connection;
  private opening: Promise<void> | undefined;

  constructor(uri: string) {
    this.client = new MongoClient(uri, { serverSelectionTimeoutMS: 2000 });
    this.db = this.client.db();
    this.connection = mongoose.createConnection();
    // Errors after the first connect surface through ping(); without a listener they would crash.
    this.connection.on('error', () => undefined);
  }

  /** Resolves once connected, retrying a failed first attempt on the next call. */
  async connected(): Promise<Connection> {
    if (this.connection.readyState !== mongoose.ConnectionStates.connected) {
      this.opening ??= this.client
        .connect()
        .then(() => void this.connection.setClient(this.client))
        .finally(() => (this.opening = undefined));
      await this.opening;
    }
    return this.connection;
  }

  async ping(): Promise<void> {
    await this.connected();
    await this.db.command({ ping: 1 });
  }

  async close(): Promise<void> {
    await this.connection.close();
    await this.client.close();
  }
}
