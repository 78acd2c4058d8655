import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseOrganisationFile } from '../file/parse-organisation-file.util';
import { stepDeadline } from './step-deadline.util';
import { workingCalendarOf, workingTimeOfFile, type WorkingTimeSettings } from './working-time-settings';

const bkk = (local: string) => new Date(`${local}+07:00`);
const demo = readFileSync(path.join(__dirname, '../../../../demo/organisation.yaml'), 'utf8');

describe('working time of an organisation', () => {
  it('a ด่วนมาก step (one working day) given on the Friday before Songkran 2569 is due on Thursday', () => {
    const settings: WorkingTimeSettings = {};
    const due = stepDeadline(
      settings,
      workingCalendarOf(settings),
      'very_urgent',
      bkk('2026-04-10T14:00:00'),
    );
    expect(due.dueAt).toEqual(bkk('2026-04-16T14:00:00'));
    // Reminded one working hour before: Thursday 13:00.
    expect(due.remindAt).toEqual(bkk('2026-04-16T13:00:00'));
  });

  it('the organisation file’s own days and deadlines move the due day', () => {
    const file = parseOrganisationFile(demo);
    const settings = workingTimeOfFile(file);
    const calendar = workingCalendarOf(settings);
    // Songkran 2570 (2027): Tue 13 – Thu 15 April, and the cabinet's Friday 16 in the file.
    const due = stepDeadline(settings, calendar, 'very_urgent', bkk('2027-04-12T10:00:00'));
    expect(due.dueAt).toEqual(bkk('2027-04-19T10:00:00'));
    // ด่วนที่สุด, four working hours from 15:00 on the Friday before Songkran 2569.
    expect(stepDeadline(settings, calendar, 'most_urgent', bkk('2026-04-10T15:00:00')).dueAt).toEqual(
      bkk('2026-04-16T11:00:00'),
    );
    // ปกติ, three working days from Friday 29 May 2569: Monday 1 June is the file's substitute day,
    // Wednesday 3 June the Queen's birthday (public): Tuesday, Thursday, Friday.
    expect(stepDeadline(settings, calendar, 'normal', bkk('2026-05-29T09:00:00')).dueAt).toEqual(
      bkk('2026-06-05T09:00:00'),
    );
  });

  it('refuses a holiday outside its year, office hours that end first, an unknown urgency', () => {
    expect(() => parseOrganisationFile(demo.replace('- date: 2027-04-16', '- date: 2028-04-16'))).toThrow(
      /2027/,
    );
    expect(() => parseOrganisationFile(demo.replace("end: '16:30'", "end: '08:00'"))).toThrow(/เลิกงาน/);
    expect(() => parseOrganisationFile(demo.replace('urgent: { days: 2 }', 'quick: { days: 2 }'))).toThrow();
    expect(() => parseOrganisationFile(demo.replace('normal: { days: 3 }', 'normal: { days: 0 }'))).toThrow();
  });
});
