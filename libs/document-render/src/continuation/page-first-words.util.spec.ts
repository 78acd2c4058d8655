import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { DEFAULT_DOCUMENT_FONTS } from '../pdf-renderer-options';
import fontkit from '@pdf-lib/fontkit';
import { thaiWords } from '../typesetting/thai-words.util';
import { continuationWords, firstWordOf, pageFirstWords } from './page-first-words.util';
import { pageLines, parseToUnicode } from './page-text.reader';

const portrait = (firstWord: string | null) => ({ width: 595, height: 842, firstWord });
const landscape = (firstWord: string | null) => ({ width: 842, height: 595, firstWord });

describe('continuation words', () => {
  it('takes the first Thai word of each page, page numbers aside', () => {
    expect(firstWordOf(['- ๒ -', 'ดังนั้นเพื่อให้การดำเนินการ เป็นไป'])).toBe('ดังนั้น');
    expect(firstWordOf(['-๓-', '(นายกนก ธนากร)'])).toBe('(นายกนก');
    expect([...continuationWords([portrait(null), portrait('ดังนั้น'), portrait('(นายกนก')])]).toEqual([
      [0, 'ดังนั้น…'],
      [1, '(นายกนก…'],
    ]);
  });

  it('takes an item number with the word after it', () => {
    expect(firstWordOf(['-๒-', '๑. แผนแม่บทภายใต้'])).toBe('๑. แผนแม่บท');
  });

  it('gives none on the memo’s last page, nor on the landscape attachments after it', () => {
    const pages = [portrait(null), portrait('ข'), landscape('สิ่งที่ส่งมาด้วย'), landscape('ตาราง')];
    expect([...continuationWords(pages)]).toEqual([[0, 'ข…']]);
  });

  it('reads a ToUnicode map’s chars and ranges', () => {
    const map = parseToUnicode(
      '2 beginbfchar\n<0003> <0020>\n<013b> <0e4d0e32>\nendbfchar\n1 beginbfrange\n<0100> <0102> <0e01>\nendbfrange',
    );
    expect([map.get(3), map.get(0x13b), map.get(0x100), map.get(0x102)]).toEqual([' ', 'ํา', 'ก', 'ฃ']);
  });

  it('reads back the first words of pages a PDF writer drew, line by line', async () => {
    const pdf = await PDFDocument.create();
    pdf.registerFontkit(fontkit);
    const font = await pdf.embedFont(readFileSync(DEFAULT_DOCUMENT_FONTS.regular), { subset: true });
    const lines = [['บันทึกข้อความ'], ['- ๒ -', 'ข้อเท็จจริงที่ได้รับแจ้ง', 'บรรทัดที่สอง'], ['-๓-', '๑. ผู้อำนวยการกองช่าง']];
    for (const texts of lines) {
      const page = pdf.addPage([595, 842]);
      // ำ as ํ + า, as the finishing pass draws it with pdf-lib (whose ำ glyph reads back "ำา").
      texts.forEach((t, i) =>
        page.drawText(t.replace(/\u0E33/gu, '\u0E4D\u0E32'), { x: 72, y: 780 - 24 * i, size: 16, font }),
      );
    }
    const loaded = await PDFDocument.load(await pdf.save());
    expect(pageLines(loaded, loaded.getPage(1))).toEqual(['- ๒ -', 'ข้อเท็จจริงที่ได้รับแจ้ง', 'บรรทัดที่สอง']);
    expect(pageFirstWords(loaded).map((p) => p.firstWord)).toEqual([
      null,
      thaiWords('ข้อเท็จจริงที่')[0],
      `๑. ${thaiWords('ผู้อำนวยการกองช่าง')[0]}`,
    ]);
  });
});
