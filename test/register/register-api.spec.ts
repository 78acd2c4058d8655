import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { REGISTER_CSV_HEADER, RegisterService } from '@saraban/register';
import { bangkokCalendarYear } from '@saraban/thai-format';
import { createWorld, signIn, type World } from '../utils/factories';
import { createTestApp, type TestApp } from '../utils/test-app';
import type { RegisterEntry } from '../utils/entities';

interface EntryBody {
  id: string;
  number: number;
  documentNo: string;
  status: string;
  subject: string;
  issuedById: string | null;
  cancelledById: string | null;
  cancelReason: string | null;
}

describe('register API', () => {
  let t: TestApp;
  let db: DataSource;
  let world: World;
  let other: World;
  let clerk: string;
  let admin: string;
  let officer: string;
  let otherClerk: string;
  // Numbers from POST /entries fall in the current Bangkok year.
  const year = bangkokCalendarYear(new Date());
  const http = () => request(t.app.getHttpServer());

  /** A memo numbered the way the approval engine does it: inside its own transaction. */
  const issueMemoNumber = (subject: string): Promise<RegisterEntry> =>
    db.transaction((m) =>
      t.app.get(RegisterService).issueNumber(m, {
        organisationId: world.org.id,
        at: new Date(),
        memoId: '00000000-0000-4000-8000-00000000beef',
        issuedById: world.people.author.id,
        fromText: 'นิติกร',
        toText: 'นายกองค์การบริหารส่วนตำบล',
        subject,
      }),
    );

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    world = await createWorld(db, { registerCode: 'นพ ๗๑๕๐๑', digits: 'thai' });
    other = await createWorld(db);
    clerk = await signIn(t.app, world.org, world.people.clerk);
    admin = await signIn(t.app, world.org, world.people.admin);
    officer = await signIn(t.app, world.org, world.people.author);
    otherClerk = await signIn(t.app, other.org, other.people.clerk);
  });
  afterAll(() => t.close());

  describe('moving from the paper book mid-year', () => {
    it('a fresh year starts at 1 with nothing issued', async () => {
      const res = await http()
        .get(`/registers/outgoing/years/${year}`)
        .auth(clerk, { type: 'bearer' })
        .expect(200);
      expect(res.body).toMatchObject({
        register: 'outgoing',
        year,
        nextNumber: 1,
        lastIssuedNumber: 0,
        changes: [],
      });
    });

    it('the clerk sets the next number to 936, may correct it while nothing is issued, and each change is kept', async () => {
      await http()
        .put(`/registers/outgoing/years/${year}/next-number`)
        .auth(clerk, { type: 'bearer' })
        .send({ nextNumber: 963, note: 'พิมพ์ผิด' })
        .expect(200);
      const res = await http()
        .put(`/registers/outgoing/years/${year}/next-number`)
        .auth(clerk, { type: 'bearer' })
        .send({ nextNumber: 936, note: 'ย้ายจากทะเบียนกระดาษ เลขสุดท้าย ๙๓๕' })
        .expect(200);
      expect(res.body).toMatchObject({ nextNumber: 936, lastIssuedNumber: 0 });
      expect(res.body.changes).toMatchObject([
        {
          previousNextNumber: null,
          nextNumber: 963,
          lastIssuedNumber: 0,
          changedById: world.people.clerk.id,
        },
        { previousNextNumber: 963, nextNumber: 936, note: 'ย้ายจากทะเบียนกระดาษ เลขสุดท้าย ๙๓๕' },
      ]);
    });

    it('the next memo gets ๙๓๖, then a paper letter registered by the clerk gets ๙๓๗', async () => {
      const memo = await issueMemoNumber('ขออนุมัติจัดซื้อวัสดุสำนักงาน');
      expect(memo).toMatchObject({ number: 936, documentNo: 'นพ ๗๑๕๐๑/๙๓๖', year });

      const res = await http()
        .post('/registers/outgoing/entries')
        .auth(clerk, { type: 'bearer' })
        .send({
          fromText: 'องค์การบริหารส่วนตำบล',
          toText: 'นายอำเภอ',
          subject: 'ส่งรายงาน "ผลการดำเนินงาน", ไตรมาส ๑',
          datedOn: '2026-01-15',
          remarks: 'ส่งทางไปรษณีย์',
        })
        .expect(201);
      expect(res.body).toMatchObject({
        number: 937,
        documentNo: 'นพ ๗๑๕๐๑/๙๓๗',
        datedOn: '2026-01-15',
        issuedById: world.people.clerk.id,
        memoId: null,
        status: 'issued',
      });
    });

    it('refuses to move the next number back onto or below a number already issued', async () => {
      for (const nextNumber of [937, 936, 900, 1]) {
        const res = await http()
          .put(`/registers/outgoing/years/${year}/next-number`)
          .auth(clerk, { type: 'bearer' })
          .send({ nextNumber })
          .expect(409);
        expect(res.body).toMatchObject({
          code: 'REGISTER_NUMBER_TAKEN',
          details: { nextNumber, lastIssuedNumber: 937 },
        });
      }
      const summary = await http()
        .get(`/registers/outgoing/years/${year}`)
        .auth(admin, { type: 'bearer' })
        .expect(200);
      expect(summary.body).toMatchObject({ nextNumber: 938, lastIssuedNumber: 937, issuedCount: 2 });
      expect(summary.body.changes).toHaveLength(2);
    });
  });

  describe('cancelling', () => {
    let cancelled: EntryBody;

    it('keeps the number, marked cancelled with the reason and who did it', async () => {
      const issued = await issueMemoNumber('เรื่องที่จะถูกยกเลิก');
      expect(issued.number).toBe(938);
      const res = await http()
        .post(`/registers/outgoing/entries/${issued.id}/cancel`)
        .auth(clerk, { type: 'bearer' })
        .send({ reason: 'ออกเลขซ้ำ' })
        .expect(200);
      cancelled = res.body as EntryBody;
      expect(cancelled).toMatchObject({
        id: issued.id,
        number: 938,
        documentNo: 'นพ ๗๑๕๐๑/๙๓๘',
        status: 'cancelled',
        cancelReason: 'ออกเลขซ้ำ',
        cancelledById: world.people.clerk.id,
      });
    });

    it('never hands the cancelled number out again, nor lets the clerk set the next number onto it', async () => {
      expect((await issueMemoNumber('เรื่องถัดไป')).number).toBe(939);
      await http()
        .put(`/registers/outgoing/years/${year}/next-number`)
        .auth(clerk, { type: 'bearer' })
        .send({ nextNumber: 938 })
        .expect(409);
    });

    it('cancelling twice answers REGISTER_ENTRY_CANCELLED', async () => {
      const res = await http()
        .post(`/registers/outgoing/entries/${cancelled.id}/cancel`)
        .auth(clerk, { type: 'bearer' })
        .send({ reason: 'อีกครั้ง' })
        .expect(409);
      expect(res.body.code).toBe('REGISTER_ENTRY_CANCELLED');
      const entry = await http()
        .get(`/registers/outgoing/entries/${cancelled.id}`)
        .auth(clerk, { type: 'bearer' })
        .expect(200);
      expect(entry.body.cancelReason).toBe('ออกเลขซ้ำ');
    });
  });

  describe('listing and CSV', () => {
    it('lists the year in running-number order, paged', async () => {
      const res = await http()
        .get('/registers/outgoing/entries')
        .query({ year, page: 1, pageSize: 2 })
        .auth(clerk, { type: 'bearer' })
        .expect(200);
      expect(res.body).toMatchObject({ total: 4, page: 1, pageSize: 2 });
      expect((res.body.items as EntryBody[]).map((e) => e.number)).toEqual([936, 937]);
      const page2 = await http()
        .get('/registers/outgoing/entries')
        .query({ year, page: 2, pageSize: 2 })
        .auth(admin, { type: 'bearer' })
        .expect(200);
      expect((page2.body.items as EntryBody[]).map((e) => e.number)).toEqual([938, 939]);
    });

    it("lists each entry as GET /entries/:id answers it; the year summary's changes keep their JSON", async () => {
      const res = await http()
        .get('/registers/outgoing/entries')
        .query({ year, page: 1, pageSize: 4 })
        .auth(clerk, { type: 'bearer' })
        .expect(200);
      expect(res.text.startsWith('{"items":[{"id":')).toBe(true);
      expect(res.text).toMatch(/"total":4,"page":1,"pageSize":4}$/);
      for (const item of res.body.items as EntryBody[]) {
        const one = await http()
          .get(`/registers/outgoing/entries/${item.id}`)
          .auth(clerk, { type: 'bearer' })
          .expect(200);
        expect(JSON.stringify(item)).toBe(one.text);
      }
      expect(Object.keys(res.body.items[0])).toEqual([
        'id',
        'organisationId',
        'register',
        'year',
        'number',
        'documentNo',
        'registeredAt',
        'datedOn',
        'fromText',
        'toText',
        'subject',
        'action',
        'remarks',
        'memoId',
        'issuedById',
        'status',
        'cancelledAt',
        'cancelReason',
        'cancelledById',
      ]);
      expect(res.body.items[0].registeredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(res.body.items[1].datedOn).toBe('2026-01-15');
      const summary = await http()
        .get(`/registers/outgoing/years/${year}`)
        .auth(clerk, { type: 'bearer' })
        .expect(200);
      expect(Object.keys(summary.body)).toEqual([
        'register',
        'year',
        'nextNumber',
        'lastIssuedNumber',
        'issuedCount',
        'cancelledCount',
        'changes',
      ]);
      expect(Object.keys(summary.body.changes[0])).toEqual([
        'id',
        'organisationId',
        'register',
        'year',
        'previousNextNumber',
        'nextNumber',
        'lastIssuedNumber',
        'note',
        'changedById',
        'changedAt',
      ]);
      expect(summary.body.changes[0].changedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    });

    it('searches numbers in either digit style, and text', async () => {
      const search = async (q: string) =>
        (
          (
            await http()
              .get('/registers/outgoing/entries')
              .query({ year, q })
              .auth(clerk, { type: 'bearer' })
              .expect(200)
          ).body.items as EntryBody[]
        ).map((e) => e.number);
      expect(await search('๙๓๗')).toEqual([937]);
      expect(await search('937')).toEqual([937]);
      expect(await search('วัสดุ')).toEqual([936]);
      expect(await search('100%')).toEqual([]);
    });

    it('a past year without entries is empty', async () => {
      const res = await http()
        .get('/registers/outgoing/entries')
        .query({ year: year - 1 })
        .auth(clerk, { type: 'bearer' })
        .expect(200);
      expect(res.body).toMatchObject({ total: 0, items: [] });
    });

    it('exports the standard columns as UTF-8 CSV with a BOM that reads back', async () => {
      const res = await http()
        .get('/registers/outgoing/entries.csv')
        .query({ year })
        .auth(clerk, { type: 'bearer' })
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      // Named by the Buddhist-era year (issue 14 item 5), with a Thai name beside the ASCII one.
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="register-outgoing-${year + 543}.csv"; filename*=UTF-8''${encodeURIComponent(
          `ทะเบียน-หนังสือส่ง-พ.ศ.${year + 543}.csv`,
        )}`,
      );
      const bytes = res.body as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows: string[][] = parse(bytes.toString('utf8'), { bom: true });
      expect(rows[0]).toEqual([...REGISTER_CSV_HEADER]);
      expect(rows.slice(1).map((r) => r[1])).toEqual(['๙๓๖', '๙๓๗', '๙๓๘', '๙๓๙']);
      const byNumber = new Map(rows.slice(1).map((r) => [r[1], r]));
      expect(byNumber.get('๙๓๗')).toEqual([
        expect.stringMatching(/^[๐-๙]{1,2} \S+ [๐-๙]{4}$/),
        '๙๓๗',
        'นพ ๗๑๕๐๑/๙๓๗',
        '๑๕ มกราคม ๒๕๖๙',
        'องค์การบริหารส่วนตำบล',
        'นายอำเภอ',
        'ส่งรายงาน "ผลการดำเนินงาน", ไตรมาส ๑',
        '',
        'ส่งทางไปรษณีย์',
      ]);
      expect(byNumber.get('๙๓๘')![8]).toMatch(/^ยกเลิกเลขทะเบียน .+: ออกเลขซ้ำ$/);
    });
  });

  describe('organisation isolation', () => {
    let entryId: string;
    beforeAll(async () => {
      entryId = (await issueMemoNumber('เรื่องภายใน')).id;
    });

    it("another organisation's clerk gets 404 for this organisation's entry, to read or cancel", async () => {
      await http()
        .get(`/registers/outgoing/entries/${entryId}`)
        .auth(otherClerk, { type: 'bearer' })
        .expect(404);
      const res = await http()
        .post(`/registers/outgoing/entries/${entryId}/cancel`)
        .auth(otherClerk, { type: 'bearer' })
        .send({ reason: 'x' })
        .expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
      const own = await http()
        .get(`/registers/outgoing/entries/${entryId}`)
        .auth(clerk, { type: 'bearer' })
        .expect(200);
      expect(own.body.status).toBe('issued');
    });

    it('sees none of its entries in the listing, the CSV or the year summary, and numbers its own from 1', async () => {
      const list = await http()
        .get('/registers/outgoing/entries')
        .query({ year })
        .auth(otherClerk, { type: 'bearer' })
        .expect(200);
      expect(list.body).toMatchObject({ total: 0, items: [] });
      const csv = await http()
        .get('/registers/outgoing/entries.csv')
        .query({ year })
        .auth(otherClerk, { type: 'bearer' })
        .buffer(true)
        .parse((response, done) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (c: string) => (text += c));
          response.on('end', () => done(null, text));
        })
        .expect(200);
      expect(parse(csv.body as string, { bom: true })).toEqual([[...REGISTER_CSV_HEADER]]);
      const summary = await http()
        .get(`/registers/outgoing/years/${year}`)
        .auth(otherClerk, { type: 'bearer' })
        .expect(200);
      expect(summary.body).toMatchObject({ nextNumber: 1, lastIssuedNumber: 0, changes: [] });
      const own = await http()
        .post('/registers/outgoing/entries')
        .auth(otherClerk, { type: 'bearer' })
        .send({ fromText: 'ก', toText: 'ข', subject: 'ค' })
        .expect(201);
      expect(own.body.number).toBe(1);
    });

    it("the wrong register's path answers 404 for an existing entry", async () => {
      await http().get(`/registers/orders/entries/${entryId}`).auth(clerk, { type: 'bearer' }).expect(404);
    });
  });

  describe('access and input', () => {
    it('an officer without the clerk role gets 403 everywhere', async () => {
      const calls = [
        http().get('/registers/outgoing/entries'),
        http().get('/registers/outgoing/entries.csv'),
        http().get(`/registers/outgoing/years/${year}`),
        http().put(`/registers/outgoing/years/${year}/next-number`).send({ nextNumber: 5000 }),
        http().post('/registers/outgoing/entries').send({ fromText: 'ก', toText: 'ข', subject: 'ค' }),
        http()
          .post('/registers/outgoing/entries/00000000-0000-4000-8000-000000000000/cancel')
          .send({ reason: 'x' }),
      ];
      for (const call of calls) {
        const res = await call.auth(officer, { type: 'bearer' }).expect(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
    });

    it('rejects unknown fields and bad values with 400 VALIDATION_FAILED', async () => {
      const bad = [
        http()
          .post('/registers/outgoing/entries')
          .send({ fromText: 'ก', toText: 'ข', subject: 'ค', number: 1 }),
        http().post('/registers/outgoing/entries').send({ fromText: 'ก', toText: 'ข' }),
        http()
          .post('/registers/outgoing/entries')
          .send({ fromText: 'ก', toText: 'ข', subject: 'ค', datedOn: '2026-02-30' }),
        http().put(`/registers/outgoing/years/${year}/next-number`).send({ nextNumber: 5000, year: 2020 }),
        http().put(`/registers/outgoing/years/${year}/next-number`).send({ nextNumber: 0 }),
        http().put(`/registers/outgoing/years/${year}/next-number`).send({ nextNumber: '936' }),
        http().put('/registers/outgoing/years/26/next-number').send({ nextNumber: 5000 }),
        http().post(`/registers/outgoing/entries/not-a-uuid/cancel`).send({ reason: 'x' }),
        http()
          .post('/registers/outgoing/entries/00000000-0000-4000-8000-000000000000/cancel')
          .send({ reason: '' }),
        http().get('/registers/outgoing/entries').query({ year, sort: 'number' }),
        http().get('/registers/outgoing/entries').query({ pageSize: 100000 }),
        http().get('/registers/Outgoing;drop/entries'),
      ];
      for (const call of bad) {
        const res = await call.auth(clerk, { type: 'bearer' });
        expect({ status: res.status, code: res.body.code }).toEqual({
          status: 400,
          code: 'VALIDATION_FAILED',
        });
      }
      // Nothing was issued by the refused calls.
      const summary = await http()
        .get(`/registers/outgoing/years/${year}`)
        .auth(clerk, { type: 'bearer' })
        .expect(200);
      expect(summary.body).toMatchObject({ nextNumber: 941, lastIssuedNumber: 940 });
    });
  });
});
