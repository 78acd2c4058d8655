import { createHash } from 'node:crypto';
import { PDFDict, PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { pdfText, squash } from '../document/poppler';
import { hostilePageText, hostilePdf, internalLinks, webLinks } from '../utils/hostile-pdf';
import { activeContentNames, scanPdfForActiveContent } from '../utils/pdf-active-content';
import { createTestApp, type TestApp } from '../utils/test-app';
import { createMemoWorld, createSeedDraft, type MemoWorld } from './memo-world';
import { SEED_000, SEED_002_TABLE, SEED_002_TSV } from './seed-memos';

const MAX_BYTES = 64 * 1024;

async function smallPdf(pages = 1): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) doc.addPage().drawText(`Report page ${i + 1}`, { x: 50, y: 700, font });
  return Buffer.from(await doc.save());
}

// The start of a real PNG file (signature and IHDR chunk) padded out: what a renamed image looks like.
const PNG_BYTES = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'),
  Buffer.alloc(200, 7),
]);

describe('memo attachments', () => {
  let t: TestApp;
  let w: MemoWorld;
  let db: DataSource;
  const http = () => request(t.app.getHttpServer());
  const bearer = { type: 'bearer' } as const;
  const pdfUpload = (memoId: string, token: string) =>
    http().post(`/memos/${memoId}/attachments/pdf`).auth(token, bearer);
  const tableUpload = (memoId: string, token: string) =>
    http().post(`/memos/${memoId}/attachments/table`).auth(token, bearer);
  const attachmentFile = (memoId: string, attachmentId: string, token: string) =>
    http().get(`/memos/${memoId}/attachments/${attachmentId}/file`).auth(token, bearer);

  beforeAll(async () => {
    t = await createTestApp({ ATTACHMENT_MAX_BYTES: String(MAX_BYTES) });
    db = t.app.get(DataSource);
    w = await createMemoWorld(t.app);
  });
  afterAll(() => t.close());

  it('accepts a real PDF, bumps the memo version and gives the stored bytes back as a download', async () => {
    const memo = await createSeedDraft(t.app, w.tokens.author);
    const pdf = await smallPdf(2);
    const res = await pdfUpload(memo.id, w.tokens.author)
      .field('title', 'รายงานผลการดำเนินการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๖')
      .field('version', '1')
      .attach('file', pdf, { filename: 'รายงาน ITA.pdf', contentType: 'application/pdf' })
      .expect(201);
    expect(res.body).toMatchObject({
      memoVersion: 2,
      attachment: {
        kind: 'pdf',
        title: 'รายงานผลการดำเนินการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๖',
        seq: 1,
        filename: 'รายงาน ITA.pdf',
        pageCount: 2,
        table: null,
      },
    });

    const download = await attachmentFile(memo.id, res.body.attachment.id, w.tokens.author)
      .responseType('blob')
      .expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    // What is stored is the sanitised file: its size and hash are those of the bytes served.
    const served = download.body as Buffer;
    expect(res.body.attachment.sizeBytes).toBe(served.length);
    expect(res.body.attachment.sha256).toBe(createHash('sha256').update(served).digest('hex'));
    expect(download.headers.etag).toBe(`"${res.body.attachment.sha256}"`);
    expect(squash(await pdfText(served))).toContain('Reportpage2');

    // Clerks read attachments too (they file and number the memo).
    await attachmentFile(memo.id, res.body.attachment.id, w.tokens.clerk).expect(200);
  });

  it('stores and serves an attached PDF made inert: no scripts, launches, embedded files or forms; text and links kept', async () => {
    const memo = await createSeedDraft(t.app, w.tokens.author);
    const hostile = await hostilePdf(2);
    // The fixture is what it claims to be: the scanner sees every kind of active content in it.
    expect(activeContentNames(await scanPdfForActiveContent(hostile))).toEqual(
      expect.arrayContaining(['AA', 'JavaScript', 'JS', 'Launch', 'OpenAction', 'EmbeddedFiles', 'XFA']),
    );
    const res = await pdfUpload(memo.id, w.tokens.author)
      .field('title', 'รายงานที่มีสคริปต์แฝง')
      .attach('file', hostile, { filename: 'report.pdf', contentType: 'application/pdf' })
      .expect(201);
    const download = await attachmentFile(memo.id, res.body.attachment.id, w.tokens.author)
      .responseType('blob')
      .expect(200);
    const served = download.body as Buffer;

    expect(await scanPdfForActiveContent(served)).toEqual([]);
    expect(res.body.attachment).toMatchObject({
      pageCount: 2,
      sizeBytes: served.length,
      sha256: createHash('sha256').update(served).digest('hex'),
    });
    const text = squash(await pdfText(served));
    expect(text).toContain(squash(hostilePageText(1)));
    expect(text).toContain(squash(hostilePageText(2)));
    expect(await internalLinks(served)).toContainEqual([1, 2]);
    expect(await webLinks(served)).toEqual(['https://www.example.go.th/report']);
  });

  it('serves a PDF stored before uploads were sanitised inert too', async () => {
    const memo = await createSeedDraft(t.app, w.tokens.author);
    const res = await pdfUpload(memo.id, w.tokens.author)
      .field('title', 'แนบไว้ก่อน')
      .attach('file', await smallPdf(), { filename: 'old.pdf', contentType: 'application/pdf' })
      .expect(201);
    await db.query('UPDATE memo_attachments SET content = $1 WHERE id = $2', [
      await hostilePdf(2),
      res.body.attachment.id,
    ]);
    const download = await attachmentFile(memo.id, res.body.attachment.id, w.tokens.author)
      .responseType('blob')
      .expect(200);
    const served = download.body as Buffer;
    expect(await scanPdfForActiveContent(served)).toEqual([]);
    expect(squash(await pdfText(served))).toContain(squash(hostilePageText(2)));
    expect(download.headers.etag).toBe(`"${createHash('sha256').update(served).digest('hex')}"`);
  });

  it('answers 413 with a Thai message to a file over ATTACHMENT_MAX_BYTES', async () => {
    const memo = await createSeedDraft(t.app, w.tokens.author);
    const big = Buffer.concat([await smallPdf(), Buffer.alloc(MAX_BYTES, 0x20)]);
    const res = await pdfUpload(memo.id, w.tokens.author)
      .field('title', 'ไฟล์ใหญ่')
      .attach('file', big, { filename: 'big.pdf', contentType: 'application/pdf' })
      .expect(413);
    expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { maxBytes: MAX_BYTES } });
    expect(res.body.message).toMatch(/ไฟล์มีขนาดใหญ่เกินกำหนด/);
    const list = await http().get(`/memos/${memo.id}/attachments`).auth(w.tokens.author, { type: 'bearer' });
    expect(list.body).toEqual({ memoVersion: 1, attachments: [] });
  });

  it.each([
    ['a PNG renamed .pdf and declared application/pdf', PNG_BYTES, 'not_pdf'],
    [
      'a text file that starts like a PDF',
      Buffer.from('%PDF-1.7\n<script>alert(1)</script>\n%%EOF\n'),
      'unreadable',
    ],
    ['an empty file', Buffer.alloc(0), 'not_pdf'],
  ])('answers 415 to %s', async (_label, bytes, reason) => {
    const memo = await createSeedDraft(t.app, w.tokens.author);
    const res = await pdfUpload(memo.id, w.tokens.author)
      .field('title', 'ภาพ')
      .attach('file', bytes, { filename: 'scan.pdf', contentType: 'application/pdf' })
      .expect(415);
    expect(res.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', details: { reason } });
    expect(res.body.message).toMatch(/PDF/);
  });

  it('answers 415 to a PDF that keeps a script where the sanitiser does not reach (a font)', async () => {
    const memo = await createSeedDraft(t.app, w.tokens.author);
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage().drawText('hidden', { font });
    await doc.save(); // embeds the font
    doc.context.lookup(font.ref, PDFDict).set(PDFName.of('JS'), PDFString.of('app.alert(1)'));
    const res = await pdfUpload(memo.id, w.tokens.author)
      .field('title', 'สคริปต์ในฟอนต์')
      .attach('file', Buffer.from(await doc.save()), { filename: 'font.pdf', contentType: 'application/pdf' })
      .expect(415);
    expect(res.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', details: { reason: 'active_content' } });
    expect(res.body.message).toMatch(/สคริปต์/);
  });

  it('accepts a PDF whatever name and type the client gives it', async () => {
    const memo = await createSeedDraft(t.app, w.tokens.author);
    const res = await pdfUpload(memo.id, w.tokens.author)
      .field('title', 'สแกน')
      .attach('file', await smallPdf(), { filename: '../../etc/scan.png', contentType: 'image/png' })
      .expect(201);
    expect(res.body.attachment.filename).toBe('scan.png.pdf');
  });

  it('rejects an upload without a file or without a title', async () => {
    const memo = await createSeedDraft(t.app, w.tokens.author);
    await pdfUpload(memo.id, w.tokens.author).field('title', 'ไม่มีไฟล์').expect(400);
    await pdfUpload(memo.id, w.tokens.author)
      .attach('file', await smallPdf(), 'a.pdf')
      .expect(400);
  });

  it('reads a table pasted from a spreadsheet, quoted multi-line cells included', async () => {
    const memo = await createSeedDraft(t.app, w.tokens.author);
    const res = await tableUpload(memo.id, w.tokens.author)
      .send({ title: 'รายงานผลการดำเนินการ รอบ ๖ เดือน', tsv: SEED_002_TSV })
      .expect(201);
    expect(res.body.attachment).toMatchObject({
      kind: 'table',
      columnCount: 6,
      rowCount: 2,
      table: SEED_002_TABLE,
    });
    expect(res.body.attachment.table.rows[0][1].split('\n')).toHaveLength(4);

    const fetched = await http()
      .get(`/memos/${memo.id}/attachments/${res.body.attachment.id}`)
      .auth(w.tokens.author, { type: 'bearer' })
      .expect(200);
    expect(fetched.body.table).toEqual(SEED_002_TABLE);
    await attachmentFile(memo.id, res.body.attachment.id, w.tokens.author).expect(404);
  });

  it('stores a structured table as given, extraction debris and all', async () => {
    const memo = await createSeedDraft(t.app, w.tokens.author);
    const res = await tableUpload(memo.id, w.tokens.author)
      .send({ title: 'ตารางมาตรการ', ...SEED_000.table })
      .expect(201);
    expect(res.body.attachment.table).toEqual(SEED_000.table);
  });

  it('keeps a table title of several lines (a report cover: name, office, district, province)', async () => {
    const memo = await createSeedDraft(t.app, w.tokens.author);
    const title = 'รายงานผลการดำเนินการ\nองค์การบริหารส่วนตำบลคำพี่ อำเภอนาแก\nจังหวัดนครพนม';
    const res = await tableUpload(memo.id, w.tokens.author)
      .send({ title, ...SEED_000.table })
      .expect(201);
    expect(res.body.attachment.title).toBe(title);
  });

  it.each([
    ['a row narrower than the header', { columns: ['ก', 'ข'], rows: [['1', '2'], ['3']] }, 'rows.1'],
    ['a cell that is not a string', { columns: ['ก'], rows: [[1]] }, 'rows'],
    ['rows without columns', { rows: [['1']] }, 'columns'],
    ['both forms at once', { columns: ['ก'], rows: [], tsv: 'ก\n1' }, 'tsv'],
    ['neither form', {}, 'tsv'],
    ['a pasted row wider than the header', { tsv: 'ก\tข\n1\t2\t3\n' }, 'tsv'],
    ['plain text without tabs (not a table)', { tsv: 'รายงานผล\nตามมาตรการ\n' }, 'tsv'],
    ['an unknown field', { columns: ['ก'], rows: [], style: 'red' }, 'style'],
  ])('rejects %s with 400', async (_label, payload, field) => {
    const memo = await createSeedDraft(t.app, w.tokens.author);
    const res = await tableUpload(memo.id, w.tokens.author)
      .send({ title: 'ตาราง', ...payload })
      .expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field).join(' ')).toContain(field);
  });

  it('refuses, while drafting, a table that would take the memo past what the renderer prints', async () => {
    const draft = await createSeedDraft(t.app, w.tokens.author);
    const columns = Array.from({ length: 30 }, (_, i) => `ค${i + 1}`);
    const rows = Array.from({ length: 2_000 }, (_, r) => columns.map((_, c) => `${r}.${c}`));
    let version = draft.version;
    for (let i = 0; i < 4; i++) {
      const added = await tableUpload(draft.id, w.tokens.author)
        .send({ title: `ตาราง ${i + 1}`, columns, rows, version })
        .expect(201);
      version = added.body.memoVersion as number;
    }
    const refused = await tableUpload(draft.id, w.tokens.author)
      .send({ title: 'ตาราง ๕', columns, rows, version })
      .expect(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(refused.body.details)).toContain('250,000');
  });

  it('reorders and removes attachments, each change a new memo version with a revision', async () => {
    const memo = await createSeedDraft(t.app, w.tokens.author);
    const auth = { type: 'bearer' } as const;
    const a = await tableUpload(memo.id, w.tokens.author)
      .send({ title: 'ก', columns: ['x'], rows: [] })
      .expect(201);
    const b = await pdfUpload(memo.id, w.tokens.author)
      .field('title', 'ข')
      .attach('file', await smallPdf(), 'b.pdf')
      .expect(201);
    const c = await tableUpload(memo.id, w.tokens.author)
      .send({ title: 'ค', columns: ['x'], rows: [['1']], version: 3 })
      .expect(201);
    expect([a.body.memoVersion, b.body.memoVersion, c.body.memoVersion]).toEqual([2, 3, 4]);
    const [ida, idb, idc] = [a.body.attachment.id, b.body.attachment.id, c.body.attachment.id];

    await http()
      .patch(`/memos/${memo.id}/attachments`)
      .auth(w.tokens.author, auth)
      .send({ order: [idc, ida], version: 4 })
      .expect(400);
    const reordered = await http()
      .patch(`/memos/${memo.id}/attachments`)
      .auth(w.tokens.author, auth)
      .send({ order: [idc, ida, idb], version: 4 })
      .expect(200);
    expect(reordered.body.memoVersion).toBe(5);
    expect(reordered.body.attachments.map((x: { title: string; seq: number }) => [x.title, x.seq])).toEqual([
      ['ค', 1],
      ['ก', 2],
      ['ข', 3],
    ]);

    await http()
      .delete(`/memos/${memo.id}/attachments/${ida}?version=4`)
      .auth(w.tokens.author, auth)
      .expect(409);
    const removed = await http()
      .delete(`/memos/${memo.id}/attachments/${ida}?version=5`)
      .auth(w.tokens.author, auth)
      .expect(200);
    expect(removed.body.memoVersion).toBe(6);
    expect(removed.body.attachments.map((x: { title: string; seq: number }) => [x.title, x.seq])).toEqual([
      ['ค', 1],
      ['ข', 2],
    ]);

    const view = await http().get(`/memos/${memo.id}`).auth(w.tokens.author, auth).expect(200);
    expect(view.body.version).toBe(6);
    expect(view.body.attachments.map((x: { title: string }) => x.title)).toEqual(['ค', 'ข']);

    const revisions = await http().get(`/memos/${memo.id}/revisions`).auth(w.tokens.author, auth).expect(200);
    expect(revisions.body.map((r: { version: number }) => r.version)).toEqual([5, 4, 3, 2, 1]);
    const at5 = revisions.body[0].content.attachments.map((x: { title: string; seq: number }) => [
      x.title,
      x.seq,
    ]);
    expect(at5).toEqual([
      ['ค', 1],
      ['ก', 2],
      ['ข', 3],
    ]);
    expect(revisions.body[4].content.attachments).toEqual([]);

    // An edit based on a version from before the attachment changes is stale.
    await http()
      .patch(`/memos/${memo.id}`)
      .auth(w.tokens.author, auth)
      .send({ version: 4, subject: 'แก้จากหน้าจอเก่า' })
      .expect(409);
  });

  it('changes attachments only for the author and only while the memo is editable', async () => {
    const memo = await createSeedDraft(t.app, w.tokens.author);
    const table = { title: 'ตาราง', columns: ['ก'], rows: [['๑']] };
    await tableUpload(memo.id, w.tokens.clerk).send(table).expect(403);
    await tableUpload(memo.id, w.tokens.head).send(table).expect(404);
    await tableUpload(memo.id, w.tokens.author)
      .send({ ...table, version: 7 })
      .expect(409)
      .expect((res) =>
        expect(res.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 1 } }),
      );

    await db.query(`UPDATE memos SET status = 'decided' WHERE id = $1`, [memo.id]);
    const res = await pdfUpload(memo.id, w.tokens.author)
      .field('title', 'หลังอนุมัติ')
      .attach('file', await smallPdf(), 'late.pdf')
      .expect(409);
    expect(res.body.code).toBe('MEMO_NOT_EDITABLE');
  });
});
