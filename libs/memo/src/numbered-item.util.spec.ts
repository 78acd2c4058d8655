import { withoutTypedNumber } from './numbered-item.util';

describe('withoutTypedNumber', () => {
  it.each([
    ['๑. รายงานผลต่อนายก', 'รายงานผลต่อนายก'],
    ['1. รายงานผล', 'รายงานผล'],
    ['๒) เผยแพร่', 'เผยแพร่'],
    ['(3) ติดประกาศ', 'ติดประกาศ'],
    ['ข้อ ๔. ให้ดำเนินการ', 'ให้ดำเนินการ'],
    ['  ๑๒.ข้อความ', 'ข้อความ'],
  ])('strips the typed number of %p', (typed, kept) => {
    expect(withoutTypedNumber(typed)).toBe(kept);
  });

  it.each(['งบประมาณ 2,500 บาท', '2569 เป็นปีที่…', '1.5 ล้านบาท ตามสัญญา', 'ข้อเท็จจริง', 'พ.ศ. ๒๕๖๘'])(
    'keeps a number that is part of the text: %p',
    (text) => {
      expect(withoutTypedNumber(text)).toBe(text);
    },
  );
});
