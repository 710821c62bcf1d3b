/** Connection details of the Kafka broker and MongoDB-compatible server the tests run against. */
export interface TestInfra {
  readonly kafkaBrokers: string[];
  /** A connection string for the named database on the test server. */
  mongoUri(database: string): string;
}

/** Reads what the Jest global setup (libs/testing/src/jest/global-setup.ts) put in the environment. */
export function testInfra(): TestInfra {
  const brokers = process.env['KAFKA_BROKERS'];
  const mongoUri = process.env['MONGODB_URI'];
  if (!brokers || !mongoUri) {
    throw new Error(
      'KAFKA_BROKERS and MONGODB_URI are not set: run tests through `npm test` or `npx jest`, ' +
        'whose global setup starts or finds the test infrastructure.',
    );
  }
  return {
    kafkaBrokers: brokers.split(',').map((broker) => broker.trim()),
    mongoUri: (database) => withDatabase(mongoUri, database),
  };
}

/** Puts `database` in the path of a MongoDB connection string, keeping its host list and options. */
export function withDatabase(uri: string, database: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]+)(?:\/[^?]*)?(\?.*)?$/.exec(uri);
  if (!match) throw new Error(`Not a MongoDB connection string: ${uri}`);
  return `${match[1]}/${database}${match[2] ?? ''}`;
}
