import { PDFDocument, StandardFonts } from 'pdf-lib';
import { finishPdf } from '../../libs/document-render/src/finishing/pdf-finishing.util';
import { hostilePageText, hostilePdf, internalLinks } from '../utils/hostile-pdf';
import { activeContentNames, scanPdfForActiveContent } from '../utils/pdf-active-content';
import { pdfText, squash } from './poppler';

// finishPdf appends the uploaded PDFs to the printed memo. Rows stored before uploads were
// sanitised hold the files as they came, so it makes each attachment inert again itself.

async function printedMemo(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText('The memo itself', { x: 50, y: 780, font });
  return doc.save();
}

const finishing = { secrecyLabel: null, title: 'ทดสอบ', author: 'อบต.ทดสอบ', boldFont: new Uint8Array() };

describe('finishPdf with a hostile attachment', () => {
  it('appends its pages, text and internal links, and none of its scripts, actions or embedded files', async () => {
    const hostile = await hostilePdf(2);
    expect(activeContentNames(await scanPdfForActiveContent(hostile))).toContain('JavaScript');

    const pdf = await finishPdf(await printedMemo(), { ...finishing, attachments: [hostile, hostile] });

    expect(await scanPdfForActiveContent(pdf)).toEqual([]);
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(5);
    const text = squash(await pdfText(pdf));
    expect(text).toContain('Thememoitself');
    expect(text).toContain(squash(hostilePageText(1)));
    expect(text.split(squash(hostilePageText(2))).length - 1).toBe(2);
    expect(await internalLinks(pdf)).toEqual(
      expect.arrayContaining([
        [2, 3],
        [4, 5],
      ]),
    );
  });

  it('refuses an attachment that is not a PDF as DOCUMENT_INVALID', async () => {
    await expect(
      finishPdf(await printedMemo(), { ...finishing, attachments: [Buffer.from('%PDF-1.7\nnot really\n')] }),
    ).rejects.toMatchObject({ code: 'DOCUMENT_INVALID', details: { attachment: 1 } });
  });
});
