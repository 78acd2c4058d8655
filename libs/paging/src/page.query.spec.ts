import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { PageQuery } from './page.query';

const problems = (query: Record<string, string>) =>
  validateSync(plainToInstance(PageQuery, query)).map((e) => e.property);

describe('PageQuery', () => {
  it('takes limit and offset from the query string as numbers', () => {
    const q = plainToInstance(PageQuery, { limit: '20', offset: '40' });
    expect([q.limit, q.offset]).toEqual([20, 40]);
    expect(problems({ limit: '200', offset: '100000' })).toEqual([]);
    expect(problems({})).toEqual([]);
  });

  it('refuses a page outside its bounds and what is not a whole number', () => {
    expect(problems({ limit: '0' })).toEqual(['limit']);
    expect(problems({ limit: '201' })).toEqual(['limit']);
    expect(problems({ offset: '-1' })).toEqual(['offset']);
    expect(problems({ offset: '100001' })).toEqual(['offset']);
    expect(problems({ limit: '2.5', offset: 'x' })).toEqual(['limit', 'offset']);
  });
});
