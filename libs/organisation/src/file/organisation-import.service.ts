import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DataSource,
  IsNull,
  QueryFailedError,
  type EntityManager,
  type EntityTarget,
  type ObjectLiteral,
} from 'typeorm';
import { hashPassword, verifyPassword } from '@saraban/auth';
import { AppException, ErrorCode } from '@saraban/errors';
import { ActingOrder } from '../entities/acting-order.entity';
import { ApprovalChainStep } from '../entities/approval-chain-step.entity';
import { Organisation } from '../entities/organisation.entity';
import { PersonPosition } from '../entities/person-position.entity';
import { Person } from '../entities/person.entity';
import { Position } from '../entities/position.entity';
import { Unit } from '../entities/unit.entity';
import { ImportCounts, OrganisationImportSummary } from './organisation-import-summary';
import type { OrganisationFile } from './organisation-file.schema';
import { workingTimeOfFile } from '../working-time/working-time-settings';
import { organisationWithSameName } from './organisation-name.repository';

/** The unique index on organisations.name_key (migration OrganisationIdentity). */
const NAME_KEY_INDEX = 'organisations_name_key_idx';

/** JSON with object keys sorted: jsonb gives keys back in its own order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function sameValues<T extends ObjectLiteral>(row: T, desired: Partial<T>): boolean {
  return Object.entries(desired).every(([key, value]) => {
    const current: unknown = row[key];
    return value !== null && typeof value === 'object'
      ? canonicalJson(current) === canonicalJson(value)
      : current === value;
  });
}

/**
 * Makes the database say what the file says, in one transaction: rows are matched by their codes,
 * changed only when a value differs, and rows the file no longer lists are deactivated (people,
 * units, positions: their history must stay printable) or removed (links, chains, acting orders).
 */
@Injectable()
export class OrganisationImportService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async import(
    file: OrganisationFile,
    options: { onlyOrganisationId?: string } = {},
  ): Promise<OrganisationImportSummary> {
    try {
      return await this.importInTransaction(file, options);
    } catch (error) {
      // Another import took the name between our check and our write: the unique index says so.
      const constraint = (error as QueryFailedError & { driverError?: { constraint?: string } }).driverError
        ?.constraint;
      if (!(error instanceof QueryFailedError) || constraint !== NAME_KEY_INDEX) throw error;
      throw (await this.nameTaken(this.db.manager, file)) ?? error;
    }
  }

  private importInTransaction(
    file: OrganisationFile,
    options: { onlyOrganisationId?: string },
  ): Promise<OrganisationImportSummary> {
    return this.db.transaction((m) => this.importWithin(m, file, options));
  }

  /** The import inside the caller's transaction (an admin form reads the file and writes it back in one). */
  async importWithin(
    m: EntityManager,
    file: OrganisationFile,
    options: { onlyOrganisationId?: string } = {},
  ): Promise<OrganisationImportSummary> {
    const summary = new OrganisationImportSummary();
    const org = await this.upsertOrganisation(m, file, summary.organisation);
    if (options.onlyOrganisationId && org.id !== options.onlyOrganisationId) {
      throw new AppException(ErrorCode.Forbidden, { organisation: file.organisation.code });
    }
    summary.organisationId = org.id;
    summary.organisationCode = org.code;

    const unitIds = await this.sync(
      m,
      Unit,
      org.id,
      'code',
      file.units.map((u) => ({ code: u.code, name: u.name, phone: u.phone ?? null, active: true })),
      summary.units,
      'deactivate',
    );
    const positionIds = await this.sync(
      m,
      Position,
      org.id,
      'code',
      file.positions.map((p) => ({
        code: p.code,
        title: p.title,
        unitId: p.unit ? unitIds.get(p.unit)! : null,
        endorsementHeading: p.endorsementHeading ?? null,
        active: true,
      })),
      summary.positions,
      'deactivate',
    );
    const personIds = await this.sync(
      m,
      Person,
      org.id,
      'username',
      file.people.map((p) => ({
        username: p.username,
        prefix: p.prefix,
        fullName: p.fullName,
        unitId: p.unit ? unitIds.get(p.unit)! : null,
        roles: p.roles as Person['roles'],
        active: p.active,
      })),
      summary.people,
      'deactivate',
    );
    await this.setPasswords(m, file, personIds, summary.people);

    await this.sync(
      m,
      PersonPosition,
      org.id,
      (r) => `${r.personId}/${r.positionId}`,
      file.people.flatMap((p) =>
        p.positions.map((code, i) => ({
          personId: personIds.get(p.username)!,
          positionId: positionIds.get(code)!,
          primary: i === 0,
        })),
      ),
      summary.personPositions,
      'delete',
    );
    await this.sync(
      m,
      ApprovalChainStep,
      org.id,
      (r) => `${r.unitId}/${r.seq}`,
      file.chains.flatMap((c) =>
        c.steps.map((code, seq) => ({
          unitId: unitIds.get(c.unit)!,
          seq,
          positionId: positionIds.get(code)!,
        })),
      ),
      summary.chainSteps,
      'delete',
    );
    await this.sync(
      m,
      ActingOrder,
      org.id,
      (r) => `${r.personId}/${r.positionId}/${r.fromDate}`,
      file.actingOrders.map((o) => ({
        personId: personIds.get(o.person)!,
        positionId: positionIds.get(o.position)!,
        kind: o.kind,
        fromDate: o.from,
        toDate: o.to ?? null,
        reference: o.reference,
      })),
      summary.actingOrders,
      'delete',
      // Orders made from away notices are not the file's to remove.
      { awayNoticeId: IsNull() },
    );

    const all: ImportCounts[] = [
      summary.organisation,
      summary.units,
      summary.positions,
      summary.people,
      summary.personPositions,
      summary.chainSteps,
      summary.actingOrders,
    ];
    summary.changed = all.some((c) => c.created + c.updated + c.removed > 0);
    return summary;
  }

  private async upsertOrganisation(
    m: EntityManager,
    file: OrganisationFile,
    counts: ImportCounts,
  ): Promise<Organisation> {
    const repo = m.getRepository(Organisation);
    const desired = {
      name: file.organisation.name,
      registerCode: file.organisation.registerCode,
      digits: file.organisation.digits,
      awayRequiresApproval: file.organisation.awayRequiresApproval,
      workingTime: workingTimeOfFile(file),
      publicUrl: file.organisation.publicUrl ?? null,
      printJustify: file.organisation.printing.justify,
      printContinuationWord: file.organisation.printing.continuationWord,
    };
    // The row lock serialises two imports of the same organisation.
    const existing = await repo.findOne({
      where: { code: file.organisation.code },
      lock: { mode: 'pessimistic_write' },
    });
    if (!existing || existing.name !== desired.name) {
      const taken = await this.nameTaken(m, file);
      if (taken) throw taken;
    }
    if (!existing) {
      counts.created++;
      return repo.save({ code: file.organisation.code, ...desired });
    }
    if (sameValues(existing, desired)) {
      counts.unchanged++;
      return existing;
    }
    counts.updated++;
    await repo.update({ id: existing.id }, desired);
    return { ...existing, ...desired };
  }

  /**
   * The error to answer when another organisation already has the file's name as people read it
   * (organisation_name_key, the database's one definition of "the same name"), naming it.
   */
  private async nameTaken(m: EntityManager, file: OrganisationFile): Promise<AppException | null> {
    const { code, name } = file.organisation;
    const other = await organisationWithSameName(m, name, code);
    if (!other) return null;
    return new AppException(
      ErrorCode.OrganisationNameTaken,
      { field: 'organisation.name', name, organisation: other.code, organisationName: other.name },
      `ชื่อหน่วยงาน “${name.trim()}” ซ้ำกับ “${other.name}” (รหัส ${other.code}) ที่มีอยู่ในระบบแล้ว ` +
        'ชื่อหน่วยงานต้องไม่ซ้ำกับหน่วยงานอื่น แม้ต่างกันเพียงช่องว่างหรืออักขระที่มองไม่เห็น',
    );
  }

  /** Diffs desired rows against the organisation's rows by key; answers key → id where rows have ids. */
  private async sync<T extends ObjectLiteral & { organisationId: string }>(
    m: EntityManager,
    entity: EntityTarget<T>,
    organisationId: string,
    key: (keyof T & string) | ((row: Partial<T>) => string),
    desired: Partial<T>[],
    counts: ImportCounts,
    onMissing: 'deactivate' | 'delete',
    scope: Record<string, unknown> = {},
  ): Promise<Map<string, string>> {
    const keyOf = typeof key === 'function' ? key : (row: Partial<T>) => String(row[key]);
    const repo = m.getRepository(entity);
    const existing = await repo.find({ where: { organisationId, ...scope } as never });
    const byKey = new Map(existing.map((row) => [keyOf(row), row]));
    const ids = new Map<string, string>();
    const wanted = new Set<string>();

    for (const row of desired) {
      const k = keyOf(row);
      wanted.add(k);
      const current = byKey.get(k);
      if (!current) {
        const saved = await repo.save({ ...row, organisationId } as unknown as T);
        counts.created++;
        if ('id' in saved) ids.set(k, saved.id as string);
      } else {
        if (sameValues(current, row)) counts.unchanged++;
        else {
          await repo.update(repo.getId(current) as never, row);
          counts.updated++;
        }
        if ('id' in current) ids.set(k, current.id as string);
      }
    }
    for (const [k, row] of byKey) {
      if (wanted.has(k)) continue;
      if (onMissing === 'delete') {
        await repo.delete(repo.getId(row) as never);
        counts.removed++;
      } else if (row.active !== false) {
        await repo.update(repo.getId(row) as never, { active: false } as never);
        counts.removed++;
      }
    }
    return ids;
  }

  /** A password in the file is set only when the person has none or a different one, so re-imports change nothing. */
  private async setPasswords(
    m: EntityManager,
    file: OrganisationFile,
    personIds: Map<string, string>,
    counts: ImportCounts,
  ): Promise<void> {
    for (const p of file.people) {
      if (!p.password) continue;
      const id = personIds.get(p.username)!;
      const row = await m
        .getRepository(Person)
        .createQueryBuilder('p')
        .addSelect('p.passwordHash')
        .where('p.id = :id', { id })
        .getOneOrFail();
      if (row.passwordHash && (await verifyPassword(p.password, row.passwordHash))) continue;
      await m.getRepository(Person).update({ id }, { passwordHash: await hashPassword(p.password) });
      if (row.passwordHash) counts.updated++;
    }
  }
}
