import type { DataSource } from 'typeorm';
import { entities, productionSources } from '../architecture/source-scan';
import { openTestDataSource } from '../utils/test-data-source';

describe('migrations', () => {
  let db: DataSource;
  let close: () => Promise<void>;

  beforeAll(async () => ({ db, close } = await openTestDataSource()));
  afterAll(() => close());

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
