import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppException } from '@saraban/errors';
import { OrganisationImportService, parseOrganisationFile } from '@saraban/organisation';
import { createTestApp, type TestApp } from '../utils/test-app';
import { createWorld, type World } from '../utils/factories';
import { demoFile, demoLogin, importDemoOrganisation, importYamlAs } from './demo-organisation';

const DEMO_NAME = 'องค์การบริหารส่วนตำบลคำพี่';
const withName = (name: string, file = demoFile) =>
  file.replace(`  name: ${DEMO_NAME}\n`, `  name: ${JSON.stringify(name)}\n`);

/**
 * One organisation could pass its documents off as another's by renaming itself to the other's
 * name in its organisation file. Names are unique in a deployment, compared as people read Thai:
 * NFC, zero-width characters removed, whitespace collapsed, ํ + า read as ำ.
 */
describe('organisation names are unique, compared as people read them', () => {
  let t: TestApp;
  let db: DataSource;
  let other: World;
  let adminToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    await importDemoOrganisation(t.app);
    const login = await demoLogin(t.app, 'admin').expect(200);
    adminToken = login.body.token;
    other = await createWorld(db, { name: 'องค์การบริหารส่วนตำบลบ้านดำ Café' });
  });
  afterAll(() => t.close());

  const importYaml = (body: string) => importYamlAs(t.app, adminToken, body);
  const khampeeName = async () => {
    const rows: { name: string }[] = await db.query(`SELECT name FROM organisations WHERE code = 'khampee'`);
    return rows[0].name;
  };

  const disguises: [string, string][] = [
    ['the exact name', 'องค์การบริหารส่วนตำบลบ้านดำ Café'],
    ['a zero-width space inside', 'องค์การบริหาร\u200bส่วนตำบลบ้านดำ Café'],
    ['a zero-width joiner and a BOM', '\ufeffองค์การบริหารส่วน\u200dตำบลบ้านดำ Café'],
    ['sara am typed as nikhahit + sara aa', 'องค์การบริหารส่วนต\u0e4d\u0e32บลบ้านด\u0e4d\u0e32 Café'],
    ['doubled, non-breaking and edge spaces', '  องค์การบริหารส่วนตำบลบ้านดำ\u00a0\u00a0 Café '],
    ['a decomposed é (NFD)', 'องค์การบริหารส่วนตำบลบ้านดำ Cafe\u0301'],
    ['Latin letters in another case', 'องค์การบริหารส่วนตำบลบ้านดำ CAFÉ'],
  ];

  it.each(disguises)(
    'renaming to another organisation’s name through the organisation file is refused: %s',
    async (_label, name) => {
      const res = await importYaml(withName(name)).expect(409);
      expect(res.body.code).toBe('ORGANISATION_NAME_TAKEN');
      // The Thai message names the clash: the other organisation's name and code.
      expect(res.body.message).toContain('องค์การบริหารส่วนตำบลบ้านดำ Café');
      expect(res.body.message).toContain(other.org.code);
      expect(res.body.details).toMatchObject({ field: 'organisation.name', organisation: other.org.code });
      expect(await khampeeName()).toBe(DEMO_NAME);
    },
  );

  it('the administrator’s page shows the clash on the form, naming the other organisation', async () => {
    const res = await request(t.app.getHttpServer())
      .post('/app/admin/organisation')
      .set('Authorization', `Bearer ${adminToken}`)
      .type('form')
      .send({ source: withName('องค์การบริหารส่วนตำบลบ้านดำ  café') })
      .expect(409);
    expect(res.text).toContain('organisation.name');
    expect(res.text).toContain(`(รหัส ${other.org.code})`);
    expect(await khampeeName()).toBe(DEMO_NAME);
  });

  it('a new organisation cannot take an existing name either (the CLI’s first import)', async () => {
    const file = withName('องค์การบริหารส่วนตำบลคำพี่ ', demoFile.replace('code: khampee', 'code: impostor'));
    const error = await t.app
      .get(OrganisationImportService)
      .import(parseOrganisationFile(file))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppException);
    expect((error as AppException).code).toBe('ORGANISATION_NAME_TAKEN');
    expect((error as AppException).message).toContain('khampee');
    expect(await db.query(`SELECT 1 FROM organisations WHERE code = 'impostor'`)).toEqual([]);
  });

  it('the database refuses a clash whatever the path (a unique index on the normalised name)', async () => {
    await expect(
      db.query(`INSERT INTO organisations (code, name, register_code) VALUES ('raw', $1, 'x')`, [
        'องค์การบริหารส่วนต\u0e4d\u0e32บล\u200bคำพี่',
      ]),
    ).rejects.toMatchObject({ code: '23505' });
  });

  it('a control character in a name (an escaped \\0 in YAML) is a file problem with its line, not a 500', async () => {
    const res = await importYaml(demoFile.replace(`  name: ${DEMO_NAME}\n`, `  name: "คำพี่\\0"\n`)).expect(
      400,
    );
    expect(res.body.code).toBe('ORGANISATION_FILE_INVALID');
    expect(res.body.details[0]).toMatchObject({ field: 'organisation.name', line: 6 });
    expect(await khampeeName()).toBe(DEMO_NAME);
  });

  it('an organisation may keep or respell its own name; a name that is new is taken', async () => {
    await importYaml(withName(`${DEMO_NAME}  `)).expect(201);
    await importYaml(withName('องค์การบริหารส่วนตำบลคำพี่ใหม่')).expect(201);
    expect(await khampeeName()).toBe('องค์การบริหารส่วนตำบลคำพี่ใหม่');
    await importYaml(demoFile).expect(201);
    expect(await khampeeName()).toBe(DEMO_NAME);
  });
});
