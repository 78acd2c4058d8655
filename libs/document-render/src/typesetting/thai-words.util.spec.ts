import { thaiBreakIndices, thaiWords } from './thai-words.util';

describe('thaiWords', () => {
  it.each([
    ['รายละเอียดปรากฏเอกสาร', ['รายละเอียด', 'ปรากฏ', 'เอกสาร']],
    ['ผู้รับผิดชอบ', ['ผู้รับผิดชอบ']],
    ['ระยะเวลาดำเนินการ', ['ระยะเวลา', 'ดำเนินการ']],
    // ICU alone: "ผู้|อำนวย|การก|องค|ลัง"
    ['ผู้อำนวยการกองคลัง', ['ผู้อำนวยการ', 'กองคลัง']],
    // ICU alone: "จริย|ธร|รมฯ"
    ['คุณธรรมจริยธรรมฯ', ['คุณธรรม', 'จริยธรรมฯ']],
    ['พ.ศ. ๒๕๖๖', ['พ.ศ.', ' ', '๒๕๖๖']],
    ['(Integrity : ITA)', ['(Integrity', ' ', ':', ' ', 'ITA)']],
    // A word ICU knows is never cut by a shorter compound.
    ['ประกาศนียบัตร', ['ประกาศนียบัตร']],
  ])('%s', (text, words) => {
    expect(thaiWords(text)).toEqual(words);
  });

  it('gives the text back whole, and breaks only between its pieces', () => {
    const text = 'บัดนี้ องค์การบริหารส่วนตำบลคำพี่ ได้ดำเนินการจัดทำรายงานผลการดำเนินการ ๆ ไปๆมาๆ';
    expect(thaiWords(text).join('')).toBe(text);
    const breaks = thaiBreakIndices('ราย ละเอียด');
    expect([...breaks]).toEqual([3, 4]);
  });
});
