import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppException, ErrorCode } from '@saraban/errors';
import { Organisation } from '../entities/organisation.entity';
import { OrganisationDirectoryService } from '../organisation-directory.service';
import type { OrganisationEdit, OrganisationEditProblem } from './organisation-file-edits.util';
import { OrganisationImportService } from './organisation-import.service';
import type { OrganisationImportSummary } from './organisation-import-summary';
import { organisationFileSchema, type OrganisationFile } from './organisation-file.schema';

export type OrganisationEditResult =
  { ok: true; summary: OrganisationImportSummary } | { ok: false; problems: OrganisationEditProblem[] };

/** Thai names of the file's sections, for a finding outside the edited item. */
const SECTION_NAMES: Record<string, string> = {
  units: 'ส่วนราชการ',
  positions: 'ตำแหน่ง',
  people: 'บุคลากร',
  chains: 'สายการบังคับบัญชา',
  actingOrders: 'คำสั่งรักษาราชการแทน',
  holidays: 'วันหยุด',
};

/**
 * One form change of an organisation: its file as exported now, changed by an edit, checked by the
 * file's schema and imported, so a form and the YAML file can never disagree (the file is both the
 * bulk path and the forms' single source of rules). Read, change and write happen in one
 * transaction holding the organisation's row, so two administrators (or a form and a file import)
 * never write back a file the other has just changed.
 */
@Injectable()
export class OrganisationEditService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly directory: OrganisationDirectoryService,
    private readonly importer: OrganisationImportService,
  ) {}

  async edit(
    organisationId: string,
    change: (file: OrganisationFile) => OrganisationEdit,
  ): Promise<OrganisationEditResult> {
    try {
      return await this.db.transaction(async (m): Promise<OrganisationEditResult> => {
        // The import takes the same lock: edits and imports of one organisation queue behind each other.
        await m.getRepository(Organisation).findOneOrFail({
          where: { id: organisationId },
          lock: { mode: 'pessimistic_write' },
        });
        const file = structuredClone(await this.directory.toFile(organisationId, m));
        const edit = change(file);
        if (edit.problems) return { ok: false, problems: edit.problems };
        const parsed = organisationFileSchema.safeParse(file);
        if (!parsed.success) {
          const problems = parsed.error.issues.map((i) => problemAt(edit.at, i.path, i.message, file));
          return { ok: false, problems };
        }
        const summary = await this.importer.importWithin(m, parsed.data, {
          onlyOrganisationId: organisationId,
        });
        return { ok: true, summary };
      });
    } catch (err) {
      if (err instanceof AppException && err.code === ErrorCode.OrganisationNameTaken) {
        return { ok: false, problems: [{ field: '', message: err.message }] };
      }
      throw err;
    }
  }
}

/** A schema finding inside the edited item goes next to its field; one elsewhere names where it is. */
function problemAt(
  at: (string | number)[],
  path: PropertyKey[],
  message: string,
  file: OrganisationFile,
): OrganisationEditProblem {
  const inside = at.every((key, i) => path[i] === key);
  if (inside && typeof path[at.length] === 'string') return { field: String(path[at.length]), message };
  const [section, index] = path;
  const item =
    section === 'people' && typeof index === 'number'
      ? file.people[index]?.fullName
      : section === 'positions' && typeof index === 'number'
        ? file.positions[index]?.title
        : undefined;
  const where = [SECTION_NAMES[String(section)] ?? String(section), item].filter(Boolean).join(' ');
  return { field: '', message: `${where}: ${message}` };
}
