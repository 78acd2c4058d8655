import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TemplateLibrary } from './template-library';
import { buildMemoView } from './memo-view.util';
import type { MemoDocument } from './memo-document';
import { DEFAULT_DOCUMENT_FONTS } from './pdf-renderer-options';
import { FontMetrics } from './typesetting/font-metrics';

const TEMPLATES = path.resolve(__dirname, '../../../templates');

function memo(text: string): MemoDocument {
  const signer = { name: `นาย ${text}`, positionLines: [`ตำแหน่ง ${text}`] };
  return {
    organisation: { name: 'อบต.ทดสอบ', digits: 'thai' },
    urgency: 'normal',
    secrecy: 'normal',
    unitLine: text,
    documentNo: `ทส 1/2 ${text}`,
    date: new Date('2025-04-13T02:00:00Z'),
    subject: text,
    addressee: text,
    body: [
      { type: 'heading', text },
      { type: 'paragraph', text: `${text}\n${text}` },
      { type: 'numbered', items: [text] },
    ],
    closing: text,
    author: signer,
    endorsements: [{ heading: text, text, signer, date: new Date('2025-04-13T02:00:00Z') }],
    reportTables: [{ title: text, columns: [text], rows: [[text]] }],
    pdfAttachments: [],
    verification: { url: `https://v.example/${text}`, shortCode: text },
  };
}

const assets = {
  fontsHref: 'https://assets.saraban.invalid/fonts/fonts.css',
  stylesheetHref: 'https://assets.saraban.invalid/t/_/memo/styles.css',
  emblemPlaceholderHref: 'https://assets.saraban.invalid/t/_/assets/emblem-placeholder.svg',
  qrSrc: 'data:image/svg+xml;base64,AAAA',
  metrics: new FontMetrics({
    regular: readFileSync(DEFAULT_DOCUMENT_FONTS.regular),
    bold: readFileSync(DEFAULT_DOCUMENT_FONTS.bold),
  }),
};

describe('TemplateLibrary', () => {
  it('escapes every field people type, in every partial', async () => {
    const hostile = `<script>alert(1)</script><img src=x onerror=alert(1)>"'\``;
    const html = (await new TemplateLibrary(TEMPLATES).memo()).render(buildMemoView(memo(hostile), assets));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('onerror=alert(1)>');
    // Each field appears escaped: subject, unit line, body lines, items, table cells, names…
    const escaped =
      '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;&quot;&#x27;&#x60;';
    // (The typesetter's <wbr> and no-break spans aside.)
    expect(
      html.replace(/<wbr>|<span class="keep">|<\/span>/g, '').split(escaped).length - 1,
    ).toBeGreaterThanOrEqual(15);
  });

  it('ships templates that never use the unescaped {{{ }}} form', async () => {
    const files = await fs.readdir(TEMPLATES, { recursive: true });
    const hbs = files.filter((f) => f.endsWith('.hbs'));
    expect(hbs.length).toBeGreaterThanOrEqual(7);
    for (const file of hbs) {
      const source = await fs.readFile(path.join(TEMPLATES, file), 'utf8');
      expect({ file, unescaped: /\{\{\{|\{\{&/.test(source) }).toEqual({ file, unescaped: false });
    }
  });

  it('looks each file up in the organisation folder first, then in the defaults', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'saraban-tpl-'));
    try {
      await fs.cp(TEMPLATES, root, { recursive: true });
      await fs.mkdir(path.join(root, 'orgs', 'abc', 'memo', 'partials'), { recursive: true });
      await fs.writeFile(
        path.join(root, 'orgs', 'abc', 'memo', 'partials', 'header.hbs'),
        '<h1>หัวกระดาษของ abc {{subject}}</h1>',
      );
      await fs.writeFile(path.join(root, 'orgs', 'abc', 'memo', 'styles.css'), '.x { color: red }');
      const library = new TemplateLibrary(root);
      const view = buildMemoView(memo('เรื่อง'), assets);
      const own = await library.memo('abc');
      const fallback = await library.memo('xyz');
      expect(own.render(view)).toContain('หัวกระดาษของ abc เรื่อง');
      expect(own.render(view)).toContain('class="memo-body"'); // body partial from the defaults
      expect(own.stylesheet).toBe('.x { color: red }');
      expect(fallback.render(view)).toContain('บันทึกข้อความ');
      expect(fallback.stylesheet).toContain('@page');
      expect((await library.asset('abc', 'emblem-placeholder.svg'))?.toString()).toContain('<svg');
      expect(await library.asset('abc', '../memo/memo.hbs')).toBeNull();
    } finally {
      await fs.rm(root, { recursive: true, force: true });
    }
  });

  it('refuses organisation codes that could leave the templates folder', () => {
    const library = new TemplateLibrary(TEMPLATES);
    for (const code of ['..', '../x', 'a/b', '', '.hidden']) {
      expect(() => library.memo(code)).toThrow(expect.objectContaining({ code: 'DOCUMENT_INVALID' }));
    }
  });
});
