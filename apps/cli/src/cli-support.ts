import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@saraban/database';

/** Runs a command's `main` on its arguments and exits with the code it answers; an error is printed, exit 1. */
export function runCli(main: (args: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/** `work` on a connection to the database (a pool of two), closed after it however it ends. */
export async function withDatabase<T>(databaseUrl: string, work: (db: DataSource) => Promise<T>): Promise<T> {
  const db = new DataSource(dataSourceOptions(databaseUrl, 2));
  await db.initialize();
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}
