import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '@saraban/config';
import { dataSourceOptions } from '@saraban/database';

/** Applies pending migrations, each in its own transaction. */
async function main(): Promise<void> {
  const db = new DataSource(dataSourceOptions(loadConfig().DATABASE_URL, 2));
  await db.initialize();
  try {
    const applied = await db.runMigrations({ transaction: 'each' });
    console.log(applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}` : 'schema up to date');
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
