import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DecideMemoDto, EndorseMemoDto, ReturnMemoDto } from './approval-command.dto';

function problems<T extends object>(cls: new () => T, body: object): string[] {
  return validateSync(plainToInstance(cls, body), { whitelist: true, forbidNonWhitelisted: true }).map(
    (e) => e.property,
  );
}

describe('approval command bodies', () => {
  it('accept an endorsement without an opinion (absent or empty): it prints the signature alone', () => {
    expect(problems(EndorseMemoDto, {})).toEqual([]);
    expect(problems(EndorseMemoDto, { opinion: '' })).toEqual([]);
    expect(problems(EndorseMemoDto, { opinion: 'เห็นควรอนุมัติ', version: 3 })).toEqual([]);
  });

  it('still refuse an opinion that is not text or too long, and a return without a reason', () => {
    expect(problems(EndorseMemoDto, { opinion: 12 })).toEqual(['opinion']);
    expect(problems(EndorseMemoDto, { opinion: 'ก'.repeat(4001) })).toEqual(['opinion']);
    expect(problems(ReturnMemoDto, { reason: '' })).toEqual(['reason']);
    expect(problems(ReturnMemoDto, {})).toEqual(['reason']);
    expect(problems(DecideMemoDto, {})).toEqual(['order']);
  });
});
