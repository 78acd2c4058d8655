import { stringify } from 'yaml';
import type { OrganisationFile } from './organisation-file.schema';

/** The file form of an organisation, for editing and importing back (passwords are never exported). */
export function exportOrganisationFile(file: OrganisationFile): string {
  return stringify(file, { lineWidth: 0 });
}
