import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@saraban/database';
import { entities, productionSources } from '../architecture/source-scan';
import { createTestDatabase } from '../utils/test-database';

describe('migrations', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new DataSource(dataSourceOptions(database.url, 2));
    await db.initialize();
  });

  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  it('entities and migrations agree: migration:generate would produce nothing', async () => {
    expect(await db.showMigrations()).toBe(false);
    const pending = await db.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it("the data source finds every library's entities by their file name, and nothing else", () => {
    const declared = entities(productionSources());
    expect(declared.filter((e) => !e.file.endsWith('.entity.ts')).map((e) => e.file)).toEqual([]);
    const loaded = db.entityMetadatas.map((m) => `${m.name} ${m.tableName}`).sort();
    expect(loaded).toEqual(declared.map((e) => `${e.name} ${e.table}`).sort());
    expect(loaded.length).toBeGreaterThan(20);
  });
});
