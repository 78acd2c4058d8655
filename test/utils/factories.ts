import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { hashPassword } from '@saraban/auth';
import { type ActingKind, type Role } from '@saraban/organisation';
import {
  ActingOrder,
  ApprovalChainStep,
  Organisation,
  Person,
  PersonPosition,
  Position,
  Unit,
} from './entities';

export const TEST_PASSWORD = 'รหัสผ่าน-ทดสอบ-1';
let passwordHashCache: Promise<string> | undefined;

function suffix(): string {
  return randomBytes(3).toString('hex');
}

export async function createOrganisation(
  db: DataSource,
  overrides: Partial<Organisation> = {},
): Promise<Organisation> {
  const s = suffix();
  return db.getRepository(Organisation).save({
    code: `org-${s}`,
    name: `องค์การบริหารส่วนตำบลทดสอบ ${s}`,
    registerCode: 'นพ ๗๑๕๐๑',
    digits: 'thai',
    ...overrides,
  });
}

export async function createUnit(
  db: DataSource,
  org: Organisation,
  overrides: Partial<Unit> = {},
): Promise<Unit> {
  return db.getRepository(Unit).save({
    organisationId: org.id,
    code: `unit-${suffix()}`,
    name: `งานนิติการ สำนักปลัด${org.name}`,
    phone: '๐๔๒-๐๖๑-๒๒๖',
    ...overrides,
  });
}

export async function createPosition(
  db: DataSource,
  org: Organisation,
  title: string,
  overrides: Partial<Position> = {},
): Promise<Position> {
  return db
    .getRepository(Position)
    .save({ organisationId: org.id, code: `pos-${suffix()}`, title, ...overrides });
}

export interface PersonOptions {
  roles?: Role[];
  positions?: Position[];
  unit?: Unit;
  prefix?: string;
  fullName?: string;
  username?: string;
}

export async function createPerson(
  db: DataSource,
  org: Organisation,
  options: PersonOptions = {},
): Promise<Person> {
  passwordHashCache ??= hashPassword(TEST_PASSWORD);
  const person = await db.getRepository(Person).save({
    organisationId: org.id,
    username: options.username ?? `user-${suffix()}`,
    prefix: options.prefix ?? 'นาย',
    fullName: options.fullName ?? `ทดสอบ ${suffix()}`,
    passwordHash: await passwordHashCache,
    roles: options.roles ?? ['officer'],
    unitId: options.unit?.id ?? null,
  });
  for (const [i, position] of (options.positions ?? []).entries()) {
    await db
      .getRepository(PersonPosition)
      .save({ personId: person.id, positionId: position.id, organisationId: org.id, primary: i === 0 });
  }
  return person;
}

export async function createChain(
  db: DataSource,
  org: Organisation,
  unit: Unit,
  steps: Position[],
): Promise<void> {
  await db
    .getRepository(ApprovalChainStep)
    .save(steps.map((p, seq) => ({ unitId: unit.id, seq, organisationId: org.id, positionId: p.id })));
}

export async function createActingOrder(
  db: DataSource,
  org: Organisation,
  person: Person,
  position: Position,
  kind: ActingKind = 'acting',
  fromDate = '2020-01-01',
  toDate: string | null = null,
): Promise<ActingOrder> {
  return db.getRepository(ActingOrder).save({
    organisationId: org.id,
    personId: person.id,
    positionId: position.id,
    kind,
    fromDate,
    toDate,
    reference: 'คำสั่งที่ ๑/๒๕๖๘',
  });
}

/** Signs in through the real endpoint and answers the bearer token. */
export async function signIn(app: INestApplication, org: Organisation, person: Person): Promise<string> {
  const res = await request(app.getHttpServer())
    .post('/auth/login')
    .send({ organisation: org.code, username: person.username, password: TEST_PASSWORD })
    .expect(200);
  return (res.body as { token: string }).token;
}

/** An organisation as in the seeds: legal officer → head of office → chief administrator → mayor, plus clerk and admin. */
export interface World {
  org: Organisation;
  unit: Unit;
  positions: { legal: Position; head: Position; chief: Position; mayor: Position; clerk: Position };
  people: { author: Person; head: Person; chief: Person; mayor: Person; clerk: Person; admin: Person };
}

export async function createWorld(db: DataSource, overrides: Partial<Organisation> = {}): Promise<World> {
  const org = await createOrganisation(db, overrides);
  const unit = await createUnit(db, org);
  const legal = await createPosition(db, org, 'นิติกร', { unitId: unit.id });
  const head = await createPosition(db, org, 'หัวหน้าสำนักปลัด', {
    unitId: unit.id,
    endorsementHeading: 'ความเห็นของหัวหน้าสำนักปลัด',
  });
  const chief = await createPosition(db, org, 'ปลัดองค์การบริหารส่วนตำบล', {
    endorsementHeading: 'ความเห็นของปลัดองค์การบริหารส่วนตำบล',
  });
  const mayor = await createPosition(db, org, 'นายกองค์การบริหารส่วนตำบล', {
    endorsementHeading: 'ความเห็น/คำสั่งนายกองค์การบริหารส่วนตำบล',
  });
  const clerkPos = await createPosition(db, org, 'เจ้าพนักงานธุรการ', { unitId: unit.id });
  await createChain(db, org, unit, [head, chief, mayor]);
  const author = await createPerson(db, org, { positions: [legal], unit, fullName: 'สมชาย ใจดี' });
  const headP = await createPerson(db, org, { positions: [head], unit, fullName: 'สมประสงค์ วีระวัฒน์' });
  const chiefP = await createPerson(db, org, { positions: [chief], fullName: 'สมศักดิ์ รักงาน' });
  const mayorP = await createPerson(db, org, { positions: [mayor], fullName: 'สมหมาย ปกครอง' });
  const clerk = await createPerson(db, org, { positions: [clerkPos], unit, roles: ['officer', 'clerk'] });
  const admin = await createPerson(db, org, { roles: ['admin'] });
  return {
    org,
    unit,
    positions: { legal, head, chief, mayor, clerk: clerkPos },
    people: { author, head: headP, chief: chiefP, mayor: mayorP, clerk, admin },
  };
}
