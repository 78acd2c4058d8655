import { RequestInputPipe } from './request-input.pipe';
import { MAX_INPUT_DEPTH, findInputProblem, jsonNestedDeeperThan, urlProblem } from './request-input.util';

const bytes = (s: string) => Buffer.from(s, 'utf8');
const nestedArrays = (n: number) => '['.repeat(n) + ']'.repeat(n);

describe('request input checks', () => {
  it('JSON depth: 32 levels pass, 33 do not; brackets in strings and escaped quotes are text', () => {
    expect(MAX_INPUT_DEPTH).toBe(32);
    expect(jsonNestedDeeperThan(bytes(nestedArrays(32)))).toBe(false);
    expect(jsonNestedDeeperThan(bytes(nestedArrays(33)))).toBe(true);
    expect(jsonNestedDeeperThan(bytes('{"a":' + '{"b":'.repeat(31) + '1' + '}'.repeat(32)))).toBe(false);
    expect(
      jsonNestedDeeperThan(bytes(JSON.stringify({ a: '['.repeat(100) + '\\"[' + '{'.repeat(50) }))),
    ).toBe(false);
    expect(jsonNestedDeeperThan(bytes(`["\\\\", ${nestedArrays(40)}]`))).toBe(true);
    // Siblings do not add up: depth, not count.
    expect(jsonNestedDeeperThan(bytes(`[${Array(1000).fill('[[1]]').join(',')}]`))).toBe(false);
  });

  it('parsed input: the first control character or the first container too deep, with where it is', () => {
    expect(findInputProblem({ a: ['ok', 'tab\tline\r\nbreaks'] }, 'body')).toBeNull();
    expect(findInputProblem({ a: ['ok', 'n\u0000ul'] }, 'body')).toEqual({
      field: 'body.a[1]',
      problems: ['มีอักขระควบคุม (U+0000) ซึ่งใช้ไม่ได้'],
    });
    expect(findInputProblem({ 'k\u001b': 1 }, 'body')?.field).toBe('body.k\u001b');
    expect(findInputProblem('del\u007f', 'param')?.problems[0]).toContain('U+007F');
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findInputProblem(deep, 'body')?.problems[0]).toBe('ข้อมูลซ้อนกันลึกเกิน ๓๒ ชั้น');
    let ok: unknown = 'leaf';
    for (let i = 0; i < MAX_INPUT_DEPTH; i++) ok = { k: ok };
    expect(findInputProblem(ok, 'body')).toBeNull();
    // Buffers (file contents) and class instances are not read.
    expect(findInputProblem({ buffer: Buffer.from([0, 1, 2]), at: new Date() }, 'file')).toBeNull();
    // Objects without a prototype (multer's and qs's) are.
    expect(
      findInputProblem(Object.assign(Object.create(null) as object, { f: '\u0000' }), 'body'),
    ).not.toBeNull();
  });

  it('the request line: no control character in a path; in a query, tab and line breaks only', () => {
    expect(urlProblem('/p/%00')).toMatchObject({ field: 'path' });
    expect(urlProblem('/p/a%09b')).toMatchObject({ field: 'path' });
    expect(urlProblem('/p/a%7F')).toMatchObject({ field: 'path' });
    expect(urlProblem('/p/%2500/%E0%B8%81?q=%2500')).toBeNull();
    expect(urlProblem('/search?q=a%0Ab%09c%0D')).toBeNull();
    expect(urlProblem('/search?q=a%00')).toMatchObject({
      field: 'query',
      problems: [expect.stringContaining('U+0000')],
    });
    expect(urlProblem('/search?q=%1b')).toMatchObject({ field: 'query' });
  });

  it('the pipe refuses multipart fields and file names, before validation', () => {
    const pipe = new RequestInputPipe();
    const file = { fieldname: 'file', originalname: 'a\u0000.pdf', buffer: Buffer.from([0]) };
    expect(() => pipe.transform(file, { type: 'custom', data: undefined })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: [expect.objectContaining({ field: 'file.originalname' })],
      }),
    );
    expect(() => pipe.transform({ title: 'x\u0000' }, { type: 'body' })).toThrow();
    const fine = { title: 'รายงาน\nบรรทัดสอง' };
    expect(pipe.transform(fine, { type: 'body' })).toBe(fine);
  });
});
