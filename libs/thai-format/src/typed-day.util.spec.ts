import { formatTypedDay, parseTypedDay } from './typed-day.util';

describe('typed days', () => {
  it('reads day/month/year in พ.ศ. or ค.ศ., Thai or Arabic digits, and ISO', () => {
    expect(parseTypedDay('๑/๑๐/๒๕๖๙')).toBe('2026-10-01');
    expect(parseTypedDay('1/10/2569')).toBe('2026-10-01');
    expect(parseTypedDay('01-10-2026')).toBe('2026-10-01');
    expect(parseTypedDay(' 30.11.2569 ')).toBe('2026-11-30');
    expect(parseTypedDay('2026-10-01')).toBe('2026-10-01');
  });

  it('refuses what is not a real date', () => {
    expect(parseTypedDay('31/2/2569')).toBeNull();
    expect(parseTypedDay('29/2/2568')).toBeNull(); // 2025: no 29 February
    expect(parseTypedDay('29/2/2567')).toBe('2024-02-29');
    expect(parseTypedDay('13/13/2569')).toBeNull();
    expect(parseTypedDay('เมื่อวาน')).toBeNull();
    expect(parseTypedDay('')).toBeNull();
  });

  it('shows an ISO day back as the organisation writes it', () => {
    expect(formatTypedDay('2026-10-01')).toBe('๑/๑๐/๒๕๖๙');
    expect(formatTypedDay('2026-10-01', 'arabic')).toBe('1/10/2569');
    expect(parseTypedDay(formatTypedDay('2024-02-29'))).toBe('2024-02-29');
  });
});
