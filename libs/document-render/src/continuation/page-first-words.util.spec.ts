import { continuationWords, parseBbox } from './page-first-words.util';

const page = (w: number, h: number, words: string[]): string =>
  `<page width="${w}" height="${h}">${words.map((x) => `<word xMin="1" yMin="1" xMax="2" yMax="2">${x}</word>`).join('')}</page>`;

describe('continuation words', () => {
  it('takes the first Thai word of each page, page numbers aside', () => {
    const pages = parseBbox(
      `<doc>${page(595, 842, ['บันทึกข้อความ'])}${page(595, 842, ['-๒-', 'ดังนั้นเพื่อให้การดำเนินการ', 'เป็นไป'])}${page(595, 842, ['-๓-', '(นายกนก'])}</doc>`,
    );
    expect(pages.map((p) => p.firstWord)).toEqual(['บันทึกข้อความ', 'ดังนั้น', '(นายกนก']);
    expect([...continuationWords(pages)]).toEqual([
      [0, 'ดังนั้น…'],
      [1, '(นายกนก…'],
    ]);
  });

  it('takes an item number with the word after it', () => {
    const pages = parseBbox(
      `<doc>${page(595, 842, ['ก'])}${page(595, 842, ['-๒-', '๑.', 'แผนแม่บทภายใต้'])}</doc>`,
    );
    expect([...continuationWords(pages)]).toEqual([[0, '๑. แผนแม่บท…']]);
  });

  it('gives none on the memo’s last page, nor on the landscape attachments after it', () => {
    const pages = parseBbox(
      `<doc>${page(595, 842, ['ก'])}${page(595, 842, ['-๒-', 'ข'])}${page(842, 595, ['สิ่งที่ส่งมาด้วย'])}${page(842, 595, ['ตาราง'])}</doc>`,
    );
    expect([...continuationWords(pages)]).toEqual([[0, 'ข…']]);
  });
});
