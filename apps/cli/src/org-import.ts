import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { loadConfig } from '@saraban/config';
import { dataSourceOptions } from '@saraban/database';
import { AppException } from '@saraban/errors';
import {
  OrganisationImportService,
  parseOrganisationFile,
  type OrganisationFileProblem,
} from '@saraban/organisation';

/** `npm run org:import -- FILE`: loads an organisation file; prints every problem with its line. */
async function main(path: string | undefined): Promise<number> {
  if (!path) {
    console.error('usage: npm run org:import -- FILE.yaml');
    return 2;
  }
  let file;
  try {
    file = parseOrganisationFile(readFileSync(path, 'utf8'));
  } catch (error) {
    if (!(error instanceof AppException)) throw error;
    console.error(error.message);
    for (const p of error.details as OrganisationFileProblem[]) {
      console.error(`  ${path}:${p.line ?? '?'}:${p.column ?? '?'}  ${p.field || '(file)'}: ${p.message}`);
    }
    return 1;
  }
  const db = new DataSource(dataSourceOptions(loadConfig().DATABASE_URL, 2));
  await db.initialize();
  try {
    const summary = await new OrganisationImportService(db).import(file);
    console.log(JSON.stringify(summary, null, 2));
    return 0;
  } finally {
    await db.destroy();
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
