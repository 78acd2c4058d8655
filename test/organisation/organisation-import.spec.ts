import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../utils/test-app';
import { createWorld, signIn, type World } from '../utils/factories';
import { TABLE_OWNERS } from '../architecture/table-owners';
import { ActingOrder, Organisation, Person, Position, Unit } from '../utils/entities';
import { demoFile, demoLogin, importDemoOrganisation, importYamlAs } from './demo-organisation';

/**
 * The keys of GET /organisation's objects, in order, as the answer built of entities had them: the
 * columns in their declaration order, the select:false ones (name key, password hash, emblem and
 * signature bytes) absent.
 */
const DIRECTORY_KEYS = {
  directory: ['organisation', 'units', 'positions', 'people', 'chains', 'actingOrders'],
  organisation: [
    'id',
    'code',
    'name',
    'registerCode',
    'digits',
    'workingTime',
    'awayRequiresApproval',
    'publicUrl',
    'printJustify',
    'printContinuationWord',
    'createdAt',
    'updatedAt',
  ],
  unit: ['id', 'organisationId', 'code', 'name', 'phone', 'active'],
  position: ['id', 'organisationId', 'code', 'title', 'endorsementHeading', 'unitId', 'active'],
  person: [
    'id',
    'organisationId',
    'username',
    'prefix',
    'fullName',
    'roles',
    'unitId',
    'active',
    'createdAt',
    'positionIds',
  ],
  chain: ['unitId', 'positionIds'],
  actingOrder: [
    'id',
    'organisationId',
    'personId',
    'positionId',
    'kind',
    'fromDate',
    'toDate',
    'reference',
    'awayNoticeId',
  ],
};

/** Every row of the organisation tables, to prove that a re-import or a failed import changes nothing. */
async function dump(db: DataSource): Promise<string> {
  const parts: unknown[] = [];
  for (const t of TABLE_OWNERS.organisation) parts.push(await db.query(`SELECT * FROM ${t} ORDER BY 1, 2`));
  return JSON.stringify(parts);
}

describe('organisation file import', () => {
  let t: TestApp;
  let db: DataSource;
  let adminToken: string;
  let other: World;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    // The first import of an organisation is the CLI's job; do it through the same service.
    await request(t.app.getHttpServer()).get('/health/live');
    await importDemoOrganisation(t.app);
    const login = await demoLogin(t.app, 'admin').expect(200);
    adminToken = login.body.token;
    other = await createWorld(db);
  });
  afterAll(() => t.close());

  const importYaml = (body: string, token = adminToken) => importYamlAs(t.app, token, body);

  it('builds the seed organisation with its chain and acting order', async () => {
    const res = await request(t.app.getHttpServer())
      .get('/organisation')
      .set('Authorization', `Bearer ${adminToken}`)
      .expect(200);
    expect(res.body.organisation).toMatchObject({
      code: 'khampee',
      registerCode: 'นพ ๗๑๕๐๑',
      digits: 'thai',
    });
    expect(res.body.units.map((u: { name: string }) => u.name)).toContain(
      'งานนิติการ สำนักปลัดองค์การบริหารส่วนตำบลคำพี่',
    );
    const title = (id: string) => res.body.positions.find((p: { id: string }) => p.id === id).title;
    const legal = res.body.units.find((u: { code: string }) => u.code === 'legal');
    const chain = res.body.chains.find((c: { unitId: string }) => c.unitId === legal.id);
    expect(chain.positionIds.map(title)).toEqual([
      'หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบล',
      'ปลัดองค์การบริหารส่วนตำบลคำพี่',
      'นายกองค์การบริหารส่วนตำบลคำพี่',
    ]);
    expect(res.body.actingOrders).toHaveLength(1);
    expect(res.body.actingOrders[0]).toMatchObject({ kind: 'acting', fromDate: '2026-11-01' });
    expect(JSON.stringify(res.body)).not.toContain('passwordHash');
  });

  it('answers GET /organisation key for key and byte for byte as the entities did', async () => {
    const kanok = (await demoLogin(t.app, 'kanok').expect(200)).body.token as string;
    for (const token of [adminToken, kanok]) {
      const res = await request(t.app.getHttpServer())
        .get('/organisation')
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      // The text, not supertest's body: the keys in the order they were sent.
      const d = JSON.parse(res.text) as Record<
        'units' | 'positions' | 'people' | 'chains' | 'actingOrders',
        object[]
      > & {
        organisation: object;
      };
      const keysOf = (objects: object[]) => objects.map((o) => Object.keys(o));
      const each = (objects: object[], keys: string[]) => objects.map(() => keys);
      expect(Object.keys(d)).toEqual(DIRECTORY_KEYS.directory);
      expect(Object.keys(d.organisation)).toEqual(DIRECTORY_KEYS.organisation);
      expect(keysOf(d.units)).toEqual(each(d.units, DIRECTORY_KEYS.unit));
      expect(keysOf(d.positions)).toEqual(each(d.positions, DIRECTORY_KEYS.position));
      expect(keysOf(d.people)).toEqual(each(d.people, DIRECTORY_KEYS.person));
      expect(keysOf(d.chains)).toEqual(each(d.chains, DIRECTORY_KEYS.chain));
      expect(keysOf(d.actingOrders)).toEqual(each(d.actingOrders, DIRECTORY_KEYS.actingOrder));
      expect(d.units.length * d.positions.length * d.people.length * d.actingOrders.length).toBeGreaterThan(
        0,
      );
    }

    // Values and formats (dates, nulls, jsonb) as the entities serialise, for an administrator.
    const res = await request(t.app.getHttpServer())
      .get('/organisation')
      .set('Authorization', `Bearer ${adminToken}`)
      .expect(200);
    const organisationId = (res.body as { organisation: { id: string } }).organisation.id;
    const where = { organisationId };
    const people = (res.body as { people: ({ positionIds: string[] } & object)[] }).people;
    const fromEntities = JSON.stringify({
      organisation: await db.getRepository(Organisation).findOneByOrFail({ id: organisationId }),
      units: await db.getRepository(Unit).find({ where, order: { code: 'ASC' } }),
      positions: await db.getRepository(Position).find({ where, order: { code: 'ASC' } }),
      people: (await db.getRepository(Person).find({ where, order: { username: 'ASC' } })).map((p, i) => ({
        ...p,
        positionIds: people[i].positionIds,
      })),
      chains: (res.body as { chains: unknown }).chains,
      actingOrders: await db.getRepository(ActingOrder).find({ where, order: { fromDate: 'ASC' } }),
    });
    expect(res.text).toBe(fromEntities);
  });

  it('importing the same file twice changes nothing', async () => {
    const before = await dump(db);
    const res = await importYaml(demoFile).expect(201);
    expect(res.body.changed).toBe(false);
    expect(await dump(db)).toBe(before);
  });

  it('the exported file imports back unchanged', async () => {
    const exported = await request(t.app.getHttpServer())
      .get('/admin/organisation/file')
      .set('Authorization', `Bearer ${adminToken}`)
      .expect(200);
    expect(exported.text).not.toMatch(/password/i);
    const res = await importYaml(exported.text).expect(201);
    expect(res.body.changed).toBe(false);
  });

  it("an acting order made from an away notice is not the file's: a re-import keeps it, the export leaves it out", async () => {
    const http = () => request(t.app.getHttpServer());
    const login = await demoLogin(t.app, 'kanok').expect(200);
    const people = (
      await http().get('/organisation').set('Authorization', `Bearer ${adminToken}`).expect(200)
    ).body.people as { id: string; username: string }[];
    const wichai = people.find((p) => p.username === 'wichai')!;
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const notice = await http()
      .post('/me/away')
      .set('Authorization', `Bearer ${login.body.token}`)
      .send({ from: tomorrow, to: tomorrow, actingPersonId: wichai.id })
      .expect(201);
    await http()
      .post(`/admin/away/${notice.body.id}/approve`)
      .set('Authorization', `Bearer ${adminToken}`)
      .send({})
      .expect(200);
    const awayOrders = () =>
      db.query<unknown[]>('SELECT id FROM acting_orders WHERE away_notice_id = $1', [notice.body.id]);
    expect(await awayOrders()).toHaveLength(1);

    const res = await importYaml(demoFile).expect(201);
    expect(res.body.changed).toBe(false);
    expect(await awayOrders()).toHaveLength(1);
    const exported = await http()
      .get('/admin/organisation/file')
      .set('Authorization', `Bearer ${adminToken}`)
      .expect(200);
    expect(exported.text).not.toContain('แจ้งไม่อยู่');
  });

  it('an edited file updates in place', async () => {
    const before = await db.query(`SELECT id FROM positions WHERE code = 'mayor'`);
    const edited = demoFile
      .replace('title: นายกองค์การบริหารส่วนตำบลคำพี่', 'title: นายกองค์การบริหารส่วนตำบลคำพี่ (แก้ไข)')
      .replace(
        'steps: [head-of-office, chief-administrator, mayor]\n  - unit: office',
        'steps: [chief-administrator, mayor]\n  - unit: office',
      );
    const res = await importYaml(edited).expect(201);
    expect(res.body.positions).toMatchObject({ updated: 1, created: 0 });
    expect(res.body.chainSteps.removed + res.body.chainSteps.updated).toBeGreaterThan(0);
    const after = await db.query(`SELECT id, title FROM positions WHERE code = 'mayor'`);
    expect(after[0]).toEqual({ id: before[0].id, title: 'นายกองค์การบริหารส่วนตำบลคำพี่ (แก้ไข)' });
    await importYaml(demoFile).expect(201);
  });

  it('sets how memos print: the public address (for the verification link), justification, the continuation word', async () => {
    const settings = () =>
      db.query<unknown[]>(
        `SELECT public_url, print_justify, print_continuation_word FROM organisations WHERE code = 'khampee'`,
      );
    // Defaults: the deployment's address, justified, with continuation words.
    expect(await settings()).toEqual([
      { public_url: null, print_justify: true, print_continuation_word: true },
    ]);
    const edited = demoFile.replace(
      '  digits: thai',
      '  digits: thai\n  publicUrl: https://saraban.kumpee.go.th/\n  printing:\n    justify: false\n    continuationWord: false',
    );
    expect(edited).not.toBe(demoFile);
    await importYaml(edited).expect(201);
    expect(await settings()).toEqual([
      { public_url: 'https://saraban.kumpee.go.th', print_justify: false, print_continuation_word: false },
    ]);
    const exported = await request(t.app.getHttpServer())
      .get('/admin/organisation/file')
      .set('Authorization', `Bearer ${adminToken}`)
      .expect(200);
    expect(exported.text).toContain('publicUrl: https://saraban.kumpee.go.th');
    expect((await importYaml(exported.text).expect(201)).body.changed).toBe(false);
    // Not a web address: refused, naming the field.
    const bad = await importYaml(
      demoFile.replace('  digits: thai', '  digits: thai\n  publicUrl: javascript:alert(1)'),
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('organisation.publicUrl');
    await importYaml(demoFile).expect(201);
    expect(await settings()).toEqual([
      { public_url: null, print_justify: true, print_continuation_word: true },
    ]);
  });

  it('a malformed file gives one clear error naming the field and line, and nothing is imported', async () => {
    const before = await dump(db);
    const bad = demoFile
      .replace('positions: [mayor]', 'positions: [mayr]')
      .replace('fullName: วิชัย ศรีสุข', 'fullName: ""');
    const res = await importYaml(bad).expect(400);
    expect(res.body.code).toBe('ORGANISATION_FILE_INVALID');
    expect(res.body.message).toMatch(/people\[2\]\.fullName บรรทัด \d+/);
    const lines = bad.split('\n');
    const problems = res.body.details as { field: string; line: number }[];
    const mayr = problems.find((p) => p.field === 'people[3].positions[0]')!;
    expect(lines[mayr.line - 1]).toContain('[mayr]');
    expect(await dump(db)).toBe(before);
  });

  it('rejects unknown fields, with their line', async () => {
    const file = demoFile.replace('  digits: thai', '  digits: thai\n  colour: red');
    const res = await importYaml(file).expect(400);
    expect(res.body.details[0]).toMatchObject({ field: 'organisation.colour' });
    expect(file.split('\n')[res.body.details[0].line - 1]).toBe('  colour: red');
    expect(res.body.details[0].message).toMatch(/colour/);
  });

  it('YAML syntax errors name the line', async () => {
    const res = await importYaml('organisation:\n  code: x\n  name: [oops\n').expect(400);
    expect(res.body.details[0].line).toBe(4);
  });

  it('accepts JSON as well', async () => {
    const exported = await request(t.app.getHttpServer())
      .get('/admin/organisation/file')
      .set('Authorization', `Bearer ${adminToken}`);
    const { parse } = await import('yaml');
    const res = await request(t.app.getHttpServer())
      .post('/admin/organisation/import')
      .set('Authorization', `Bearer ${adminToken}`)
      .send(parse(exported.text))
      .expect(201);
    expect(res.body.changed).toBe(false);
  });

  it("an admin cannot import another organisation's file", async () => {
    const foreign = demoFile.replace('code: khampee', `code: ${other.org.code}`);
    await importYaml(foreign).expect(403);
  });

  it('isolation: each organisation sees only itself', async () => {
    const token = await signIn(t.app, other.org, other.people.admin);
    const res = await request(t.app.getHttpServer())
      .get('/organisation')
      .set('Authorization', `Bearer ${token}`);
    expect(res.body.organisation.code).toBe(other.org.code);
    expect(JSON.stringify(res.body)).not.toContain('khampee');
    await importYaml(demoFile, token).expect(403);
  });

  it('only admins import or export (403 otherwise)', async () => {
    const token = await signIn(t.app, other.org, other.people.author);
    await importYaml(demoFile, token).expect(403);
    await request(t.app.getHttpServer())
      .get('/admin/organisation/file')
      .set('Authorization', `Bearer ${token}`)
      .expect(403);
    const dir = await request(t.app.getHttpServer())
      .get('/organisation')
      .set('Authorization', `Bearer ${token}`);
    expect(dir.body.people.every((p: { username: string }) => p.username === '')).toBe(true);
  });

  it('the demo people can sign in, with the session cookie usable by a browser', async () => {
    const login = await demoLogin(t.app, 'amornrat').expect(200);
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/saraban_session=.*HttpOnly.*SameSite=Strict/i);
    const me = await request(t.app.getHttpServer())
      .get('/auth/me')
      .set('Cookie', cookie.split(';')[0])
      .expect(200);
    expect(me.body).toMatchObject({ username: 'amornrat', prefix: 'นางสาว', fullName: 'อมรรัตน์ วงศ์อุตติ' });
    await demoLogin(t.app, 'amornrat', 'wrong-password').expect(401);
    await demoLogin(t.app, 'amornrat', 'demo-password', { extra: 1 }).expect(400);
  });
});
