import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppException, ErrorCode } from '@saraban/errors';
import { ActingOrder } from './entities/acting-order.entity';
import { ApprovalChainStep } from './entities/approval-chain-step.entity';
import { Organisation } from './entities/organisation.entity';
import { PersonPosition } from './entities/person-position.entity';
import { Person } from './entities/person.entity';
import { Position } from './entities/position.entity';
import { Unit } from './entities/unit.entity';
import type { OrganisationFile } from './file/organisation-file.schema';
import type {
  ActingOrderView,
  OrganisationDirectory,
  OrganisationView,
  PersonView,
  PositionView,
  UnitView,
} from './organisation-directory.view';
import { findOrganisationSummaryByCode, type OrganisationSummary } from './organisation.repository';

/** Reads an organisation's structure; every query is bound to one organisation id. */
@Injectable()
export class OrganisationDirectoryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The organisation's name, code and numbering (what the pages and the webhooks need of it). */
  async byCode(code: string): Promise<OrganisationSummary> {
    const org = await findOrganisationSummaryByCode(this.db.manager, code);
    if (!org) throw new AppException(ErrorCode.NotFound);
    return org;
  }

  /** `m`: a transaction to read in (an edit reads and writes in one); the pool by default. */
  async directory(
    organisationId: string,
    m: EntityManager = this.db.manager,
  ): Promise<OrganisationDirectory> {
    const where = { organisationId };
    // One after another: a transaction's queries share one connection.
    const organisation = await m.getRepository(Organisation).findOneOrFail({ where: { id: organisationId } });
    const units = await m.getRepository(Unit).find({ where, order: { code: 'ASC' } });
    const positions = await m.getRepository(Position).find({ where, order: { code: 'ASC' } });
    const people = await m.getRepository(Person).find({ where, order: { username: 'ASC' } });
    const links = await m.getRepository(PersonPosition).find({ where });
    const steps = await m
      .getRepository(ApprovalChainStep)
      .find({ where, order: { unitId: 'ASC', seq: 'ASC' } });
    const actingOrders = await m.getRepository(ActingOrder).find({ where, order: { fromDate: 'ASC' } });
    const chains = new Map<string, string[]>();
    for (const s of steps) chains.set(s.unitId, [...(chains.get(s.unitId) ?? []), s.positionId]);
    return {
      organisation: organisationView(organisation),
      units: units.map(unitView),
      positions: positions.map(positionView),
      people: people.map((p) => ({
        ...personView(p),
        positionIds: links
          .filter((l) => l.personId === p.id)
          .sort((a, b) => Number(b.primary) - Number(a.primary))
          .map((l) => l.positionId),
      })),
      chains: [...chains].map(([unitId, positionIds]) => ({ unitId, positionIds })),
      actingOrders: actingOrders.map(actingOrderView),
    };
  }

  /** The organisation as its declarative file (without passwords). */
  async toFile(organisationId: string, m: EntityManager = this.db.manager): Promise<OrganisationFile> {
    const d = await this.directory(organisationId, m);
    const unitCode = new Map(d.units.map((u) => [u.id, u.code]));
    const positionCode = new Map(d.positions.map((p) => [p.id, p.code]));
    const username = new Map(d.people.map((p) => [p.id, p.username]));
    const opt = <T>(v: T | null): T | undefined => v ?? undefined;
    return {
      organisation: {
        code: d.organisation.code,
        name: d.organisation.name,
        registerCode: d.organisation.registerCode,
        digits: d.organisation.digits,
        awayRequiresApproval: d.organisation.awayRequiresApproval,
        publicUrl: opt(d.organisation.publicUrl),
        printing: {
          justify: d.organisation.printJustify,
          continuationWord: d.organisation.printContinuationWord,
        },
      },
      ...(d.organisation.workingTime.officeHours
        ? { officeHours: d.organisation.workingTime.officeHours }
        : {}),
      holidays: d.organisation.workingTime.holidays ?? {},
      ...(d.organisation.workingTime.deadlines ? { deadlines: d.organisation.workingTime.deadlines } : {}),
      units: d.units
        .filter((u) => u.active)
        .map((u) => ({ code: u.code, name: u.name, phone: opt(u.phone) })),
      positions: d.positions
        .filter((p) => p.active)
        .map((p) => ({
          code: p.code,
          title: p.title,
          unit: p.unitId ? unitCode.get(p.unitId) : undefined,
          endorsementHeading: opt(p.endorsementHeading),
        })),
      people: d.people.map((p) => ({
        username: p.username,
        prefix: p.prefix,
        fullName: p.fullName,
        unit: p.unitId ? unitCode.get(p.unitId) : undefined,
        roles: p.roles,
        positions: p.positionIds.map((id) => positionCode.get(id)!),
        active: p.active,
      })),
      chains: d.chains.map((c) => ({
        unit: unitCode.get(c.unitId)!,
        steps: c.positionIds.map((id) => positionCode.get(id)!),
      })),
      actingOrders: d.actingOrders
        .filter((o) => o.awayNoticeId === null)
        .map((o) => ({
          person: username.get(o.personId)!,
          position: positionCode.get(o.positionId)!,
          kind: o.kind,
          from: o.fromDate,
          to: opt(o.toDate),
          reference: o.reference,
        })),
    };
  }
}

/**
 * A view's mapper: the row's columns the view names, each once, in the order given (the entity's
 * column order, the order the API has always answered). The compiler holds the list to the view:
 * none missing, none extra.
 */
function mapper<V>(columns: Record<keyof V, true>): (row: V) => V {
  const keys = Object.keys(columns) as (keyof V)[];
  return (row) => Object.fromEntries(keys.map((k) => [k, row[k]])) as V;
}

/* One mapper per entity. */
const organisationView: (o: Organisation) => OrganisationView = mapper<OrganisationView>({
  id: true,
  code: true,
  name: true,
  registerCode: true,
  digits: true,
  workingTime: true,
  awayRequiresApproval: true,
  publicUrl: true,
  printJustify: true,
  printContinuationWord: true,
  createdAt: true,
  updatedAt: true,
});
const unitView: (u: Unit) => UnitView = mapper<UnitView>({
  id: true,
  organisationId: true,
  code: true,
  name: true,
  phone: true,
  active: true,
});
const positionView: (p: Position) => PositionView = mapper<PositionView>({
  id: true,
  organisationId: true,
  code: true,
  title: true,
  endorsementHeading: true,
  unitId: true,
  active: true,
});
const personView: (p: Person) => PersonView = mapper<PersonView>({
  id: true,
  organisationId: true,
  username: true,
  prefix: true,
  fullName: true,
  roles: true,
  unitId: true,
  active: true,
  createdAt: true,
});
const actingOrderView: (o: ActingOrder) => ActingOrderView = mapper<ActingOrderView>({
  id: true,
  organisationId: true,
  personId: true,
  positionId: true,
  kind: true,
  fromDate: true,
  toDate: true,
  reference: true,
  awayNoticeId: true,
});
