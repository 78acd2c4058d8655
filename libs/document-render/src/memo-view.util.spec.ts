import { readFileSync } from 'node:fs';
import { buildMemoView } from './memo-view.util';
import type { MemoDocument } from './memo-document';
import { DEFAULT_DOCUMENT_FONTS } from './pdf-renderer-options';
import { FontMetrics } from './typesetting/font-metrics';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const assets = {
  fontsHref: 'f',
  stylesheetHref: 's',
  emblemPlaceholderHref: 'placeholder.svg',
  qrSrc: 'data:image/svg+xml;base64,QR',
  metrics: new FontMetrics({
    regular: readFileSync(DEFAULT_DOCUMENT_FONTS.regular),
    bold: readFileSync(DEFAULT_DOCUMENT_FONTS.bold),
  }),
};

function doc(overrides: Partial<MemoDocument> = {}): MemoDocument {
  return {
    organisation: { name: 'เทศบาลเมืองตากใบ', digits: 'thai' },
    urgency: 'very_urgent',
    secrecy: 'normal',
    unitLine: 'สำนักปลัดเทศบาล โทร. 073-581-000',
    documentNo: 'นธ 61401/935',
    date: new Date('2025-10-24T03:00:00Z'),
    subject: 's',
    addressee: 'a',
    body: [{ type: 'numbered', items: ['หนึ่ง', 'สอง'] }],
    closing: 'จึงเรียนมาเพื่อโปรดพิจารณา',
    author: { name: 'นายก ข', positionLines: ['นิติกร'] },
    endorsements: [
      {
        heading: 'ความเห็นของปลัดเทศบาล',
        text: 'ทราบ',
        signer: { name: 'นายค ง', positionLines: ['หัวหน้าสำนักปลัดเทศบาล รักษาราชการแทน', 'ปลัดเทศบาลเมืองตากใบ'] },
        date: new Date('2025-04-13T02:00:00Z'),
      },
    ],
    reportTables: [],
    pdfAttachments: [],
    verification: { url: 'https://v/1', shortCode: 'ABC' },
    ...overrides,
  };
}

describe('buildMemoView', () => {
  it('formats the dates and the numbers the system prints in the organisation digits', () => {
    const thai = buildMemoView(doc(), assets);
    expect(thai).toMatchObject({
      dateText: '๒๔ ตุลาคม ๒๕๖๘',
      documentNo: 'นธ ๖๑๔๐๑/๙๓๕',
      urgencyLabel: 'ด่วนมาก',
      emblemSrc: 'placeholder.svg',
    });
    expect(thai.endorsements[0].dateText).toBe('๑๓ เม.ย. ๖๘');
    expect(thai.body[0].items.map((i) => i.marker)).toEqual(['๑.', '๒.']);
    // Text people typed stays as typed.
    expect(thai.unitLine).toBe('สำนักปลัดเทศบาล โทร. 073-581-000');

    const arabic = buildMemoView(doc({ organisation: { name: 'x', digits: 'arabic' } }), assets);
    expect(arabic).toMatchObject({ dateText: '24 ตุลาคม 2568', documentNo: 'นธ 61401/935' });
    expect(arabic.endorsements[0].dateText).toBe('13 เม.ย. 68');
  });

  it('keeps the acting wording as the position lines to print', () => {
    expect(buildMemoView(doc(), assets).endorsements[0].signer.positionLines).toEqual([
      'หัวหน้าสำนักปลัดเทศบาล รักษาราชการแทน',
      'ปลัดเทศบาลเมืองตากใบ',
    ]);
  });

  it('places the QR code beside the last signature: on the memo, never on an attachment', () => {
    const onEndorsement = buildMemoView(doc(), assets);
    expect(onEndorsement.endorsements[0].signer.verification).toMatchObject({ shortCode: 'ABC' });
    expect(onEndorsement.author.verification).toBeNull();

    const onAuthor = buildMemoView(doc({ endorsements: [] }), assets);
    expect(onAuthor.author.verification).toMatchObject({ url: 'https://v/1' });

    const onTable = buildMemoView(
      doc({ reportTables: [{ title: 't', columns: ['c'], rows: [['r']] }] }),
      assets,
    );
    expect(onTable.endorsements[0].signer.verification).toMatchObject({ qrSrc: assets.qrSrc });
    expect(onTable.reportTables[0]).toMatchObject({ attachmentLabel: 'สิ่งที่ส่งมาด้วย ๑', fontSize: 14 });
    expect(onTable.attachmentList).toEqual(['t']);

    const none = buildMemoView(doc({ verification: undefined }), { ...assets, qrSrc: null });
    expect(none.endorsements[0].signer.verification).toBeNull();
  });

  it('groups the decision with the endorsement before it; every other endorsement alone', () => {
    const e = doc().endorsements[0];
    const view = buildMemoView(doc({ endorsements: [e, e, e] }), assets);
    expect(view.endorsementGroups.map((g) => g.length)).toEqual([1, 2]);
    expect(buildMemoView(doc(), assets).endorsementGroups.map((g) => g.length)).toEqual([1]);
  });

  it('sets a report table smaller only when its longest words would not fit at 14 pt', () => {
    const long = 'ผู้รับผิดชอบโครงการส่งเสริมคุณธรรมจริยธรรม';
    const narrow = buildMemoView(
      doc({ reportTables: [{ title: 't', columns: ['ก', 'ข'], rows: [['ก', 'ข']] }] }),
      assets,
    );
    expect(narrow.reportTables[0].fontSize).toBe(14);
    // Twelve columns whose cells are each one long unbreakable word (a name run together).
    const columns = Array.from({ length: 12 }, () => 'หัวข้อ');
    const rows = [Array.from({ length: 12 }, () => long.replace(/ /g, '') + 'xxxxxx')];
    const wide = buildMemoView(doc({ reportTables: [{ title: 't', columns, rows }] }), assets);
    expect(wide.reportTables[0].fontSize).toBeLessThan(14);
  });

  it('inlines PNG images only', () => {
    const view = buildMemoView(doc({ organisation: { name: 'x', digits: 'thai', emblemPng: PNG } }), assets);
    expect(view.emblemSrc).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
    const svg = doc();
    svg.author.signaturePng = Buffer.from('<svg/>');
    expect(() => buildMemoView(svg, assets)).toThrow(expect.objectContaining({ code: 'DOCUMENT_INVALID' }));
  });
});
