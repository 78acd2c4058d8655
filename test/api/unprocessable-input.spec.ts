import { PDFDocument } from 'pdf-lib';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../utils/test-app';
import { createWorld, signIn, type World } from '../utils/factories';

const nested = (levels: number, leaf = '1') => '['.repeat(levels) + leaf + ']'.repeat(levels);

/**
 * Input the API cannot process answers 400 with the usual error body, never 500: JSON nested
 * deeper than 32 levels (refused before it is parsed into objects or validated), and NUL or
 * another control character in a path, a query or a text (tab, CR and LF stay allowed in text).
 */
describe('input that cannot be processed answers 400', () => {
  let t: TestApp;
  let w: World;
  let author: string;
  let clerk: string;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t.app.get(DataSource));
    author = await signIn(t.app, w.org, w.people.author);
    clerk = await signIn(t.app, w.org, w.people.clerk);
  });
  afterAll(() => t.close());

  const expectValidationError = (res: request.Response) => {
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(typeof res.body.message).toBe('string');
  };

  describe('JSON nested too deep', () => {
    it.each([2_000, 100_000])('%d levels on the unauthenticated /auth/login', async (levels) => {
      const body = `{"organisation":${nested(levels)},"username":"a","password":"b"}`;
      const res = await http().post('/auth/login').set('Content-Type', 'application/json').send(body);
      expectValidationError(res);
    });

    it('in an object of objects, on an authenticated route', async () => {
      const deep = '{"a":'.repeat(40) + '1' + '}'.repeat(40);
      const res = await http()
        .post('/memos')
        .set('Authorization', `Bearer ${author}`)
        .set('Content-Type', 'application/json')
        .send(`{"subject":"ทดสอบ","body":[{"type":"paragraph","text":"x","extra":${deep}}]}`);
      expectValidationError(res);
    });

    it('brackets inside strings are text, not nesting', async () => {
      const res = await http()
        .post('/auth/login')
        .send({ organisation: w.org.code, username: '['.repeat(100), password: '{'.repeat(100) })
        .expect(401);
      expect(res.body.code).toBe('INVALID_CREDENTIALS');
    });
  });

  describe('NUL and control characters', () => {
    it.each([
      '/p/%00',
      '/p/khampee%00',
      '/organisations/%00',
      '/public/%00/feed.atom',
      '/public/verify/code/%00',
      '/verify/%00',
      '/p/x/documents/%01',
    ])('in a public path: GET %s', async (path) => {
      expectValidationError(await http().get(path));
    });

    it('in the body of /auth/login (JSON and a web form)', async () => {
      expectValidationError(
        await http()
          .post('/auth/login')
          .send({ organisation: w.org.code, username: 'ad\u0000min', password: 'x' }),
      );
      expectValidationError(
        await http()
          .post('/auth/login')
          .send({ organisation: `${w.org.code}\u0000`, username: 'admin', password: 'x' }),
      );
      expectValidationError(
        await http()
          .post('/app/login')
          .type('form')
          .send(`organisation=${w.org.code}&username=ad%00min&password=x`),
      );
    });

    it('in a query', async () => {
      expectValidationError(await http().get('/public/verify?sha256=%00'));
      expectValidationError(
        await http().get('/memos/sent?status=%1b').set('Authorization', `Bearer ${author}`),
      );
    });

    it('in authenticated paths and texts: a register entry, an endorsement, a memo', async () => {
      expectValidationError(
        await http().get('/registers/%00/entries').set('Authorization', `Bearer ${clerk}`),
      );
      expectValidationError(
        await http()
          .post('/registers/outgoing/entries')
          .set('Authorization', `Bearer ${clerk}`)
          .send({ fromText: 'ก\u0000', toText: 'ข', subject: 'ค' }),
      );
      expectValidationError(
        await http()
          .post('/memos/00000000-0000-4000-8000-000000000000/endorse')
          .set('Authorization', `Bearer ${author}`)
          .send({ opinion: 'เห็นควร\u0007อนุมัติ' }),
      );
      expectValidationError(
        await http()
          .post('/registers/outgoing/entries')
          .set('Authorization', `Bearer ${clerk}`)
          .send({ fromText: 'ก', toText: 'ข', subject: 'ค', note: { 'key\u0000': 'v' } }),
      );
    });

    it('in a multipart field and a file name, where the route reads them', async () => {
      const created = await http()
        .post('/memos')
        .set('Authorization', `Bearer ${author}`)
        .send({ subject: 'แนบไฟล์', body: [{ type: 'paragraph', text: 'ดูไฟล์แนบ' }] })
        .expect(201);
      const pdf = Buffer.from(await (await PDFDocument.create()).save());
      expectValidationError(
        await http()
          .post(`/memos/${created.body.id}/attachments/pdf`)
          .set('Authorization', `Bearer ${author}`)
          .field('title', 'รายงาน\u0000')
          .attach('file', pdf, 'report.pdf'),
      );
      expectValidationError(
        await http()
          .post(`/memos/${created.body.id}/attachments/pdf`)
          .set('Authorization', `Bearer ${author}`)
          .field('title', 'รายงาน')
          .attach('file', pdf, 'rep\u0000ort.pdf'),
      );
      expectValidationError(
        await http().post('/public/verify').attach('file', Buffer.from('%PDF-1.4\n'), 'me\u0001mo.pdf'),
      );
    });

    it('tab and line breaks in text are still accepted where the DTOs allow them', async () => {
      const created = await http()
        .post('/memos')
        .set('Authorization', `Bearer ${author}`)
        .send({
          subject: 'รายงาน',
          body: [{ type: 'paragraph', text: 'บรรทัดแรก\r\nบรรทัดที่สอง\tต่อ' }],
          closing: 'จึงเรียนมาเพื่อโปรดพิจารณา',
        });
      expect(created.status).toBe(201);
    });
  });
});
