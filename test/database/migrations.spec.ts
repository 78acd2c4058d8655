import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@saraban/database';
import { createTestDatabase } from '../utils/test-database';

describe('migrations', () => {
  it('entities and migrations agree: migration:generate would produce nothing', async () => {
    const database = await createTestDatabase();
    const db = new DataSource(dataSourceOptions(database.url, 2));
    await db.initialize();
    try {
      expect(await db.showMigrations()).toBe(false);
      const pending = await db.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await db.destroy();
      await database.drop();
    }
  });
});
