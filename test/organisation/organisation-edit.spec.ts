import {
  addHoliday,
  addPerson,
  OrganisationDirectoryService,
  OrganisationEditService,
  setChain,
} from '@saraban/organisation';
import { createTestApp, type TestApp } from '../utils/test-app';
import { importDemoOrganisation } from './demo-organisation';

/** The admin forms' edits on a real PostgreSQL: the file and the forms are one set of data and rules. */
describe('organisation edits (admin forms)', () => {
  let t: TestApp;
  let organisationId: string;
  let edits: OrganisationEditService;
  let directory: OrganisationDirectoryService;

  beforeAll(async () => {
    t = await createTestApp();
    const summary = await importDemoOrganisation(t.app);
    organisationId = summary.organisationId;
    edits = t.app.get(OrganisationEditService);
    directory = t.app.get(OrganisationDirectoryService);
  });
  afterAll(() => t.close());

  it('loses no change when edits of one organisation run at once (each reads the file the last one wrote)', async () => {
    const days = ['2026-02-02', '2026-02-03', '2026-02-04', '2026-02-05', '2026-02-06'];
    const results = await Promise.all(
      days.map((date) =>
        edits.edit(organisationId, (file) => addHoliday(file, { date, name: `วันหยุด ${date}` })),
      ),
    );
    expect(results.map((r) => r.ok)).toEqual(days.map(() => true));
    const file = await directory.toFile(organisationId);
    expect(file.holidays['2026'].map((d) => d.date)).toEqual(expect.arrayContaining(days));
  });

  it('answers the schema’s findings next to the edited item’s fields and changes nothing', async () => {
    const before = await directory.toFile(organisationId);
    const result = await edits.edit(organisationId, (file) =>
      addPerson(file, {
        username: 'amornrat',
        prefix: ' ',
        fullName: 'ซ้ำ',
        unit: 'nowhere',
        position: '',
        roles: ['officer'],
        password: 'long-enough-1',
      }),
    );
    expect(result).toEqual({
      ok: false,
      problems: expect.arrayContaining([
        { field: 'username', message: 'ซ้ำ: amornrat' },
        { field: 'prefix', message: 'ต้องไม่ว่าง' },
        { field: 'unit', message: 'ไม่พบส่วนราชการ "nowhere" ในไฟล์' },
      ]),
    });
    expect(await directory.toFile(organisationId)).toEqual(before);
  });

  it('names where a finding outside the edited item stands', async () => {
    const result = await edits.edit(organisationId, (file) => {
      file.people[0].unit = 'gone';
      return setChain(file, 'office', ['head-of-office', 'mayor']);
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toEqual({
      field: '',
      message: 'บุคลากร ผู้ดูแล ระบบ: ไม่พบส่วนราชการ "gone" ในไฟล์',
    });
  });
});
