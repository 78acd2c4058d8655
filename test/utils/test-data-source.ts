import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@saraban/database';
import { createTestDatabase } from './test-database';

/** A fresh migrated database with the apps' data source open on it (no app); `close` drops both. */
export async function openTestDataSource(
  poolSize = 2,
): Promise<{ db: DataSource; close: () => Promise<void> }> {
  const database = await createTestDatabase();
  const db = new DataSource(dataSourceOptions(database.url, poolSize));
  try {
    await db.initialize();
  } catch (error) {
    await database.drop();
    throw error;
  }
  return {
    db,
    close: async () => {
      await db.destroy();
      await database.drop();
    },
  };
}
