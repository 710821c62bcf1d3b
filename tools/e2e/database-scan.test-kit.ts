import { MongoClient } from 'mongodb';

export interface StoredText {
  readonly text: string;
  readonly collection: string;
  readonly documentId: string;
}

/** Every place in the database at `mongoUri` (every document of every collection) where one of `texts` is stored. */
export async function storedTextsIn(mongoUri: string, texts: readonly string[]): Promise<StoredText[]> {
  const client = await MongoClient.connect(mongoUri);
  try {
    const db = client.db();
    const found: StoredText[] = [];
    for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
      for await (const document of db.collection(name).find({})) {
        const stored = JSON.stringify(document);
        for (const text of texts)
          if (stored.includes(text))
            found.push({ text, collection: name, documentId: String(document['_id']) });
      }
    }
    return found;
  } finally {
    await client.close();
  }
}
