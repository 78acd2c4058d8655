import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { loadConfig } from '@saraban/config';
import { CertificateService } from '@saraban/certificates';
import { AppException } from '@saraban/errors';
import {
  OrganisationImportService,
  parseOrganisationFile,
  type OrganisationFileProblem,
} from '@saraban/organisation';
import { runCli, withDatabase } from './cli-support';

/**
 * `npm run org:import -- FILE [--self-signed-certificate]`: loads an organisation file; prints every
 * problem with its line. The flag gives an organisation without a signing certificate a self-signed
 * one (the demo); real organisations install their own through the admin page.
 */
async function main(args: string[]): Promise<number> {
  const selfSigned = args.includes('--self-signed-certificate');
  const path = args.find((a) => !a.startsWith('--'));
  if (!path) {
    console.error('usage: npm run org:import -- FILE.yaml [--self-signed-certificate]');
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
  const config = loadConfig();
  return withDatabase(config.DATABASE_URL, async (db) => {
    let summary;
    try {
      summary = await new OrganisationImportService(db).import(file);
    } catch (error) {
      // e.g. ORGANISATION_NAME_TAKEN: its Thai message names the organisation that has the name.
      if (!(error instanceof AppException)) throw error;
      console.error(`${path}: ${error.code}: ${error.message}`);
      return 1;
    }
    console.log(JSON.stringify(summary, null, 2));
    const certificates = new CertificateService(db, config);
    if (selfSigned && !(await certificates.info(summary.organisationId))) {
      const installed = await certificates.installSelfSigned(summary.organisationId, file.organisation.name);
      console.log(`self-signed signing certificate installed: ${installed.subject}`);
    }
    return 0;
  });
}

runCli(main);
