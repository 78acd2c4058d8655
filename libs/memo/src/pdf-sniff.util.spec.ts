import { PDFDocument } from 'pdf-lib';
import { AppException, ErrorCode } from '@saraban/errors';
import { sniffPdf } from './pdf-sniff.util';

async function reasonOf(bytes: Buffer): Promise<unknown> {
  try {
    await sniffPdf(bytes);
  } catch (error: unknown) {
    if (error instanceof AppException && error.code === ErrorCode.UnsupportedMediaType) {
      return (error.details as { reason: string }).reason;
    }
    throw error;
  }
  throw new Error('expected 415');
}

describe('sniffPdf', () => {
  it('accepts a PDF made by pdf-lib and counts its pages', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    doc.addPage();
    expect(await sniffPdf(Buffer.from(await doc.save()))).toEqual({ pageCount: 2 });
  });

  it('rejects bytes that do not start with %PDF-, whatever they are called', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect(await reasonOf(png)).toBe('not_pdf');
    expect(await reasonOf(Buffer.alloc(0))).toBe('not_pdf');
  });

  it('rejects a file that only starts like a PDF', async () => {
    expect(await reasonOf(Buffer.from('%PDF-1.7\n<script>alert(1)</script>\n%%EOF'))).toBe('unreadable');
  });
});
