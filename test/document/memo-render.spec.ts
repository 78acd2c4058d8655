import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { PDFDocument, degrees } from 'pdf-lib';
import { PNG } from 'pngjs';
import { PdfRenderer } from '@saraban/document-render';
import type { MemoDocument } from '@saraban/document-render';
import { seedMemo } from './memo-fixtures';
import {
  firstOutOfOrder,
  pdfBboxLayout,
  pdfFonts,
  pdfPagePng,
  pdfPageSizes,
  pdfTagged,
  pdfText,
  squash,
} from './poppler';
import { applyDigits } from '@saraban/thai-format';

// The memo renderer on the real Chromium, judged by poppler (pdftotext, pdffonts, pdfinfo,
// pdftoppm): what a reader of the PDF would get.

const REPO = path.resolve(__dirname, '../..');
const CM_PT = 72 / 2.54;

/** The words of `text` (pdftotext splits it at its space) as one box. */
function joinedWord(
  words: { text: string; xMin: number; yMin: number; xMax: number; yMax: number }[],
  text: string,
): { xMin: number; yMin: number; xMax: number; yMax: number } | undefined {
  const parts = text.split(' ');
  for (let i = 0; i + parts.length <= words.length; i++) {
    const run = words.slice(i, i + parts.length);
    if (run.every((w, j) => squash(w.text) === squash(parts[j]))) {
      return {
        xMin: Math.min(...run.map((w) => w.xMin)),
        yMin: Math.min(...run.map((w) => w.yMin)),
        xMax: Math.max(...run.map((w) => w.xMax)),
        yMax: Math.max(...run.map((w) => w.yMax)),
      };
    }
  }
  return undefined;
}

/** pdftotext output without the page-number lines, so a paragraph split by a page break reads on. */
function withoutPageNumbers(text: string): string {
  return text.replace(/^\s*-[๐-๙0-9]+-\s*$/gm, '');
}

function longBody(paragraphs: number): MemoDocument['body'] {
  return Array.from({ length: paragraphs }, (_, i) => ({
    type: 'paragraph' as const,
    text:
      `ย่อหน้าที่ ${i + 1} คณะทำงานได้ดำเนินการประชุมเพื่อสนับสนุนการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน` +
      'ขององค์การบริหารส่วนตำบล ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ และรายงานผลการวิเคราะห์พร้อมสรุปผลการประชุมให้ทราบ',
  }));
}

describe('memo rendering (Chromium + poppler)', () => {
  let renderer: PdfRenderer;
  const blocked: string[] = [];

  beforeAll(async () => {
    renderer = await PdfRenderer.create({ poolSize: 2, onBlockedRequest: (url) => blocked.push(url) });
  });

  afterAll(async () => {
    await renderer.close();
  });

  beforeEach(() => {
    blocked.length = 0;
  });

  it('prints the parts of the memo and every endorsement in the official order', async () => {
    const doc = seedMemo();
    const text = withoutPageNumbers(await pdfText(await renderer.render(doc)));

    const body = doc.body.flatMap((b) =>
      b.type === 'numbered' ? b.items.map((item, i) => `${'๑๒๓๔๕'[i]}. ${item}`) : [b.text],
    );
    const endorsements = doc.endorsements.flatMap((e) => [
      e.heading,
      ...e.text.split('\n'),
      `(${e.signer.name})`,
      ...e.signer.positionLines,
      '๑๓ เม.ย. ๖๘',
    ]);
    const expected = [
      'บันทึกข้อความ',
      'ส่วนราชการ',
      'งานนิติการ สำนักปลัดองค์การบริหารส่วนตำบลคำพี่ โทร. ๐๔๒-๐๖๑-๒๒๖',
      'ที่',
      'นพ ๗๑๕๐๑/๙๓๕',
      'วันที่',
      '๕ มกราคม ๒๕๖๗',
      'เรื่อง',
      doc.subject,
      'เรียน',
      'นายกองค์การบริหารส่วนตำบลคำพี่',
      ...body,
      'จึงเรียนมาเพื่อโปรดทราบและประชาสัมพันธ์',
      '(นางสาวอมรรัตน์ วงศ์อุตติ)',
      'นิติกรปฏิบัติการ',
      ...endorsements,
    ];
    expect(firstOutOfOrder(text, expected)).toBeNull();
    // The acting endorsement names the acting capacity, then the position acted for.
    expect(squash(text)).toContain(
      squash('(นายสมประสงค์ วีระวัฒน์) หัวหน้าสำนักปลัด รักษาราชการแทน ปลัดองค์การบริหารส่วนตำบลคำพี่ ๑๓ เม.ย. ๖๘'),
    );
    // The verification link printed beside the last signature.
    expect(squash(text)).toContain(squash('https://saraban.example/v/K7Q2M9'));
    expect(blocked).toEqual([]);
  });

  it('prints a QR code that a phone reads as the verification link, on the page of the last signature', async () => {
    const url = 'https://saraban.example/verify/K7Q2M9ABCD';
    const pdf = await renderer.render(seedMemo({ verification: { url, shortCode: 'K7Q2M9ABCD' } }));
    const pages = (await PDFDocument.load(pdf)).getPageCount();
    const read: (string | null)[] = [];
    for (let page = 1; page <= pages; page++) {
      // 150 dpi: the 2 cm code is about 120 pixels across, what a phone's camera gets of it.
      const png = PNG.sync.read(await pdfPagePng(pdf, page, 150));
      const pixels = new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length);
      read.push(jsQR(pixels, png.width, png.height)?.data ?? null);
    }
    expect(read).toEqual([...Array.from({ length: pages - 1 }, () => null), url]);
  });

  it('embeds the document font (pdffonts: emb yes), and only embedded fonts', async () => {
    const fonts = await pdfFonts(await renderer.render(seedMemo({ secrecy: 'secret' })));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.embedded)).toBe(true);
    expect(fonts.some((f) => /Laksaman/.test(f.name))).toBe(true);
    expect(fonts.some((f) => /Laksaman-Bold/.test(f.name))).toBe(true);
    expect(fonts.filter((f) => f.type === 'Type 3')).toEqual([]);
  });

  it('is a tagged PDF (its structure for screen readers) unless told otherwise', async () => {
    expect(await pdfTagged(await renderer.render(seedMemo()))).toBe(true);
    const untagged = await PdfRenderer.create({ poolSize: 1, taggedPdf: false });
    try {
      expect(await pdfTagged(await untagged.render(seedMemo()))).toBe(false);
    } finally {
      await untagged.close();
    }
  });

  it('numbers pages "-๒-" centred at the top from page 2, none on page 1', async () => {
    const pdf = await renderer.render(seedMemo({ body: longBody(14), endorsements: [] }));
    const sizes = await pdfPageSizes(pdf);
    expect(sizes.length).toBeGreaterThanOrEqual(2);
    const page1 = await pdfText(pdf, { first: 1, last: 1 });
    const page2 = await pdfText(pdf, { first: 2, last: 2 });
    expect(page1).not.toMatch(/^\s*-[๐-๙0-9]+-\s*$/m);
    const firstLine = page2.split('\n').find((l) => l.trim().length > 0) ?? '';
    expect(firstLine.trim()).toBe('-๒-');
    // Centred: the number's column is near the middle of the page's text.
    const widest = Math.max(...page2.split('\n').map((l) => l.trimEnd().length));
    const col = firstLine.indexOf('-๒-');
    expect(Math.abs(col + 1.5 - widest / 2)).toBeLessThan(widest * 0.2);
  });

  it('prints the continuation word in the font Chromium embedded: no other font, and it reads back as drawn', async () => {
    const pdf = await renderer.render(seedMemo({ body: longBody(14), endorsements: [] }));
    const fonts = await pdfFonts(pdf);
    // Chromium's two subsets (regular, bold) and nothing embedded for the stamp.
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['Laksaman', 'Laksaman-Bold']);
    const page1 = await pdfText(pdf, { first: 1, last: 1 });
    const page2 = await pdfText(pdf, { first: 2, last: 2 });
    const word = /(\S+)…\s*$/u.exec(page1.trim())?.[1];
    expect(word).toBeDefined();
    expect(squash(page2.replace(/-[๐-๙0-9]+-/u, ''))).toMatch(new RegExp(`^${squash(word ?? '')}`, 'u'));
  });

  it('prints Arabic page numbers and dates for an organisation that uses Arabic digits', async () => {
    const doc = seedMemo({ body: longBody(14), organisation: { name: 'เทศบาลเมืองตากใบ', digits: 'arabic' } });
    const pdf = await renderer.render(doc);
    const text = await pdfText(pdf);
    expect(squash(text)).toContain(squash('วันที่ 5 มกราคม 2567'));
    expect(squash(text)).toContain(squash('นพ 71501/935'));
    expect(squash(await pdfText(pdf, { first: 2, last: 2 }))).toMatch(/^-2-/);
  });

  it('prints a report table of 80 rows on landscape pages, the header row on each', async () => {
    const columns = ['มาตรการ/กิจกรรม', 'ขั้นตอน/วิธีการปฏิบัติ', 'ผู้รับผิดชอบ', 'ระยะเวลา', 'ผลการดำเนินการ'];
    const rows = Array.from({ length: 80 }, (_, i) => [
      `แถวที่ ${i + 1} โครงการจัดทำคู่มือสำหรับประชาชน`,
      '๑. แต่งตั้งคณะทำงาน\n๒. จัดทำคู่มือแนวทางการปฏิบัติงาน',
      'สำนักปลัด',
      'ตุลาคม ๒๕๖๗ - มีนาคม ๒๕๖๘',
      'ดำเนินการแล้วเสร็จ',
    ]);
    const doc = seedMemo({
      reportTables: [{ title: 'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม', columns, rows }],
    });
    const pdf = await renderer.render(doc);
    const sizes = await pdfPageSizes(pdf);
    const landscape = sizes.map((s, i) => ({ ...s, page: i + 1 })).filter((s) => s.width > s.height);
    const portrait = sizes.filter((s) => s.width < s.height);
    expect(portrait.length).toBeGreaterThanOrEqual(1);
    expect(landscape.length).toBeGreaterThanOrEqual(3);
    // The memo first, then the report: landscape pages are the last ones, contiguous.
    expect(landscape[0].page).toBe(portrait.length + 1);
    expect(landscape.at(-1)?.page).toBe(sizes.length);

    let seenRows = 0;
    for (const { page } of landscape) {
      const text = squash(await pdfText(pdf, { first: page, last: page }, 'raw'));
      for (const column of columns) expect(text).toContain(squash(column));
      seenRows += (text.match(/แถวที่\d+/g) ?? []).length;
    }
    expect(seenRows).toBe(80);
    const all = squash(await pdfText(pdf, undefined, 'raw'));
    for (let i = 1; i <= 80; i++) expect(all).toContain(`แถวที่${i}โครงการ`);
  });

  it('appends uploaded PDF attachments after the printed pages', async () => {
    const attachment = await PDFDocument.create();
    attachment.addPage([300, 400]);
    attachment.addPage([300, 400]);
    const bytes = Buffer.from(await attachment.save());
    const plain = await pdfPageSizes(await renderer.render(seedMemo()));
    const withAttachment = await pdfPageSizes(await renderer.render(seedMemo({ pdfAttachments: [bytes] })));
    expect(withAttachment.length).toBe(plain.length + 2);
    expect(withAttachment.slice(-2)).toEqual([
      { width: 300, height: 400 },
      { width: 300, height: 400 },
    ]);
  });

  it('numbers an uploaded PDF as an attachment after the tables, with its own page numbers, and lists it', async () => {
    const attachment = await PDFDocument.create();
    attachment.addPage([595, 842]);
    attachment.addPage([595, 842]);
    const doc = seedMemo({ pdfAttachments: [Buffer.from(await attachment.save())] });
    doc.pdfAttachmentTitles = ['ประกาศผลการจัดซื้อ'];
    const label = `สิ่งที่ส่งมาด้วย ${applyDigits(String(doc.reportTables.length + 1), 'thai')}`;
    const pdf = await renderer.render(doc);
    const pages = (await pdfPageSizes(pdf)).length;
    const first = await pdfText(pdf, { first: pages - 1, last: pages - 1 });
    const second = await pdfText(pdf, { first: pages, last: pages });
    expect(squash(first)).toBe(squash(label));
    expect(second.trim()).toBe('-๒-');
    // The memo lists it under สิ่งที่ส่งมาด้วย, after the tables.
    const memo = squash(await pdfText(pdf, { first: 1, last: pages - 2 }));
    expect(memo).toContain(squash('ประกาศผลการจัดซื้อ'));
  });

  it('refuses an attachment that is not a PDF, and an image that is not a PNG', async () => {
    await expect(
      renderer.render(seedMemo({ pdfAttachments: [Buffer.from('not a pdf')] })),
    ).rejects.toMatchObject({
      code: 'DOCUMENT_INVALID',
    });
    const doc = seedMemo();
    doc.author.signaturePng = Buffer.from('<svg onload="x"></svg>');
    await expect(renderer.render(doc)).rejects.toMatchObject({ code: 'DOCUMENT_INVALID' });
  });

  it('prints urgency and secrecy stamps', async () => {
    const pdf = await renderer.render(
      seedMemo({ urgency: 'most_urgent', secrecy: 'top_secret', body: longBody(14) }),
    );
    const pages = (await pdfPageSizes(pdf)).length;
    const page1 = squash(await pdfText(pdf, { first: 1, last: 1 }));
    expect(page1).toContain('ด่วนที่สุด');
    for (let p = 1; p <= pages; p++) {
      const text = squash(await pdfText(pdf, { first: p, last: p }));
      // Top and bottom of every page.
      expect(text.match(/ลับที่สุด/g)?.length).toBe(2);
    }
  });

  it('stamps an uploaded PDF as it is shown: upright on turned pages and offset boxes, with the secrecy stamp on each', async () => {
    const attachment = await PDFDocument.create();
    // Turned a quarter (shown landscape), upside down, and a page whose boxes do not start at 0, 0.
    attachment.addPage([595, 842]).setRotation(degrees(90));
    attachment.addPage([595, 842]).setRotation(degrees(180));
    const offset = attachment.addPage([595, 842]);
    offset.setMediaBox(100, 200, 595, 842); // x, y, width, height
    offset.setCropBox(100, 200, 595, 842);
    attachment.addPage([595, 842]).setRotation(degrees(270));
    const doc = seedMemo({ secrecy: 'secret', pdfAttachments: [Buffer.from(await attachment.save())] });
    doc.pdfAttachmentTitles = ['แผนผังอาคาร'];
    const label = `สิ่งที่ส่งมาด้วย ${applyDigits(String(doc.reportTables.length + 1), 'thai')}`;
    const pdf = await renderer.render(doc);
    const pages = await pdfBboxLayout(pdf);
    const uploaded = pages.slice(-4);
    const words = (p: (typeof pages)[number]) => p.blocks.flat().flatMap((l) => l.words);
    const expected = [label, '-๒-', '-๓-', '-๔-'];
    // pdftotext gives each page's words as the page is shown, its size as the page is stored.
    const shown = (i: number) =>
      i === 0 || i === 3 ? { width: 842, height: 595 } : { width: 595, height: 842 };
    uploaded.forEach((stored, i) => {
      const page = { ...stored, ...shown(i) };
      const find = (text: string) => words(page).filter((w) => squash(w.text) === squash(text));
      // The label (or page number) reads upright (wider than tall) in the top margin band of the
      // page as shown; the label at the right, the page numbers centred.
      const [mark] = expected[i] === label ? [joinedWord(words(page), label)] : find(expected[i]);
      expect(mark).toBeDefined();
      // One line of 16 pt text lying flat: about as tall as the font's line (16 × 1.66 ≈ 27 pt,
      // a little more in bold), where a turned one would be as tall as the text is long.
      expect(mark!.yMax - mark!.yMin).toBeLessThan(36);
      expect(mark!.yMax).toBeLessThan(2 * CM_PT);
      if (i === 0) expect(mark!.xMax).toBeGreaterThan(page.width - 2 * CM_PT);
      else expect(Math.abs((mark!.xMin + mark!.xMax) / 2 - page.width / 2)).toBeLessThan(CM_PT);
      // "ลับมาก" at the top and the foot of every uploaded page too, upright.
      const stamps = find('ลับมาก');
      expect(stamps).toHaveLength(2);
      for (const st of stamps) expect(st.xMax - st.xMin).toBeGreaterThan(st.yMax - st.yMin);
      expect(Math.min(...stamps.map((st) => st.yMin))).toBeLessThan(1.5 * CM_PT);
      expect(Math.max(...stamps.map((st) => st.yMax))).toBeGreaterThan(page.height - 1.5 * CM_PT);
    });
  });

  describe('text people typed', () => {
    let server: http.Server;
    let port: number;
    const hits: string[] = [];

    beforeAll(async () => {
      server = http.createServer((req, res) => {
        hits.push(req.url ?? '');
        res.end('hit');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });

    afterAll(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    function hostileMemo(): { doc: MemoDocument; payloads: string[] } {
      const payloads = [
        `<script>document.title='pwned'</script>`,
        `<img src="http://127.0.0.1:${port}/x">`,
        `<iframe src="file:///etc/passwd"></iframe>`,
        `<link rel="stylesheet" href="http://127.0.0.1:${port}/css">`,
      ];
      const all = payloads.join(' ');
      const doc = seedMemo({
        subject: `เรื่องทดสอบ ${payloads[0]}`,
        body: [
          { type: 'paragraph', text: `ย่อหน้า ${all}` },
          { type: 'numbered', items: [payloads[1], payloads[2]] },
        ],
        reportTables: [{ title: payloads[3], columns: ['คอลัมน์', payloads[1]], rows: [[payloads[2], all]] }],
      });
      doc.endorsements[0].text = `เห็นควร ${payloads[1]}\n${payloads[2]}`;
      doc.author.name = `นายทดสอบ ${payloads[1]}`;
      return { doc, payloads };
    }

    it('comes out as literal text, and nothing is fetched', async () => {
      const { doc, payloads } = hostileMemo();
      hits.length = 0;
      const text = await pdfText(await renderer.render(doc));
      for (const payload of payloads) expect(squash(text)).toContain(squash(payload));
      expect(text).not.toContain('root:x:0:0');
      expect(hits).toEqual([]);
      // Escaped markup never becomes a request at all.
      expect(blocked).toEqual([]);
    });

    it('is still not fetched when a template forgets to escape (interception and CSP refuse it)', async () => {
      // A careless organisation override that prints the subject and body unescaped.
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'saraban-templates-'));
      try {
        await fs.cp(path.join(REPO, 'templates'), dir, { recursive: true });
        const partials = path.join(dir, 'orgs', 'careless', 'memo', 'partials');
        await fs.mkdir(partials, { recursive: true });
        const header = await fs.readFile(path.join(dir, 'memo', 'partials', 'header.hbs'), 'utf8');
        await fs.writeFile(
          path.join(partials, 'header.hbs'),
          header.replace('{{words subject}}', '{{{subject}}}'),
        );
        const seen: string[] = [];
        const careless = await PdfRenderer.create({
          poolSize: 1,
          templatesDir: dir,
          onBlockedRequest: (u) => seen.push(u),
        });
        try {
          const { doc } = hostileMemo();
          doc.subject =
            `<img src="http://127.0.0.1:${port}/raw"><iframe src="file:///etc/passwd"></iframe>` +
            `<img src="https://example.org/x.png">`;
          hits.length = 0;
          const text = await pdfText(await careless.render(doc, { orgCode: 'careless' }));
          // The override really printed the subject as markup (not as text)…
          expect(text).not.toContain('/raw');
          expect(text).not.toContain('example.org');
          // …and still nothing was fetched: the page's CSP refused it before any request.
          expect(hits).toEqual([]);
          expect(text).not.toContain('root:x:0:0');
          expect(seen).toEqual([]);

          // A meta refresh (no CSP governs it, and it runs with JavaScript off) starts a
          // navigation: the interception refuses the request, and a render it interrupts
          // fails closed (the tab is discarded).
          doc.subject = `<meta http-equiv="refresh" content="0;url=http://127.0.0.1:${port}/refresh">`;
          const failed = await careless.render(doc, { orgCode: 'careless' }).then(
            () => null,
            (err: unknown) => err,
          );
          if (failed !== null) expect(failed).toMatchObject({ code: 'DOCUMENT_RENDER_FAILED' });
          expect(hits).toEqual([]);
          for (const url of seen) expect(url).toBe(`http://127.0.0.1:${port}/refresh`);
          // The pool carries on with a fresh tab.
          expect(squash(await pdfText(await careless.render(seedMemo())))).toContain('บันทึกข้อความ');
        } finally {
          await careless.close();
        }
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
      }
    });
  });

  it('uses an organisation override and falls back to the defaults file by file', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'saraban-templates-'));
    try {
      await fs.cp(path.join(REPO, 'templates'), dir, { recursive: true });
      const partials = path.join(dir, 'orgs', 'takbai', 'memo', 'partials');
      await fs.mkdir(partials, { recursive: true });
      await fs.writeFile(
        path.join(partials, 'endorsement.hbs'),
        '<section class="endorsement"><h3>เกษียน: {{heading}}</h3>{{paragraphs text}}{{> signature signer dateText=dateText}}</section>',
      );
      const custom = await PdfRenderer.create({ poolSize: 1, templatesDir: dir });
      try {
        const overridden = squash(await pdfText(await custom.render(seedMemo(), { orgCode: 'takbai' })));
        const standard = squash(await pdfText(await custom.render(seedMemo(), { orgCode: 'other' })));
        expect(overridden).toContain(squash('เกษียน: ความเห็นของหัวหน้าสำนักปลัด'));
        expect(overridden).toContain('บันทึกข้อความ'); // the header still comes from the defaults
        expect(standard).not.toContain('เกษียน');
      } finally {
        await custom.close();
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
    await expect(renderer.render(seedMemo(), { orgCode: '../etc' })).rejects.toMatchObject({
      code: 'DOCUMENT_INVALID',
    });
  });

  it('renders page 1 as a PNG (docs/memo-page-1.png when SARABAN_WRITE_DOCS=1)', async () => {
    const png = await pdfPagePng(await renderer.render(seedMemo({ urgency: 'most_urgent' })), 1, 80);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // A4 portrait at 80 dpi: about 661 × 935 pixels.
    expect(Math.abs(png.readUInt32BE(16) - 661)).toBeLessThanOrEqual(1);
    expect(Math.abs(png.readUInt32BE(20) - 935)).toBeLessThanOrEqual(1);
    if (process.env.SARABAN_WRITE_DOCS === '1') {
      await fs.mkdir(path.join(REPO, 'docs'), { recursive: true });
      await fs.writeFile(path.join(REPO, 'docs', 'memo-page-1.png'), png);
    }
  });
});
