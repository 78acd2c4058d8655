import { randomInt } from 'node:crypto';
import type { OrganisationFile } from './organisation-file.schema';

/**
 * The administrator's forms as changes to the organisation file: each edit changes the file as a
 * person editing the YAML would, and the file's schema and import do the rest (one set of rules
 * for both paths). Pure: no clock, no database; the caller validates and imports the result.
 */

/** A problem to show next to a form field (`field` names the form's input; '' is the whole form). */
export interface OrganisationEditProblem {
  field: string;
  message: string;
}

/**
 * What an edit did: where in the file the edited item stands (so the schema's findings there are
 * shown next to the form's fields), or the problems that stop it before the schema is asked.
 */
export type OrganisationEdit =
  { at: (string | number)[]; problems?: undefined } | { at?: undefined; problems: OrganisationEditProblem[] };

/** A form's text: trimmed, and absent when empty (the file leaves optional values out). */
function given(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}

function refuse(field: string, message: string): OrganisationEdit {
  return { problems: [{ field, message }] };
}

function listOf(names: string[]): string {
  return names.length > 3
    ? `${names.slice(0, 3).join(', ')} และอีก ${names.length - 3} รายการ`
    : names.join(', ');
}

export interface UnitInput {
  code: string;
  name: string;
  phone?: string;
}

export function addUnit(file: OrganisationFile, input: UnitInput): OrganisationEdit {
  file.units.push({ code: input.code.trim(), name: input.name, phone: given(input.phone) });
  return { at: ['units', file.units.length - 1] };
}

export function renameUnit(file: OrganisationFile, input: UnitInput): OrganisationEdit {
  const i = file.units.findIndex((u) => u.code === input.code);
  if (i < 0) return refuse('code', 'ไม่พบส่วนราชการนี้ อาจถูกปิดใช้งานไปแล้ว');
  file.units[i] = { code: input.code, name: input.name, phone: given(input.phone) };
  return { at: ['units', i] };
}

/** Leaves the unit out of the file (the import deactivates it); refused while anything still belongs to it. */
export function deactivateUnit(file: OrganisationFile, code: string): OrganisationEdit {
  const i = file.units.findIndex((u) => u.code === code);
  if (i < 0) return refuse('code', 'ไม่พบส่วนราชการนี้ อาจถูกปิดใช้งานไปแล้ว');
  const positions = file.positions.filter((p) => p.unit === code).map((p) => p.title);
  const people = file.people.filter((p) => p.active && p.unit === code).map((p) => p.fullName);
  if (positions.length > 0 || people.length > 0) {
    const what = [
      positions.length > 0 ? `ตำแหน่ง ${listOf(positions)}` : '',
      people.length > 0 ? `บุคลากร ${listOf(people)}` : '',
    ].filter(Boolean);
    return refuse('code', `ยังปิดใช้งานไม่ได้: ยังมี${what.join(' และ')} สังกัดส่วนราชการนี้ ย้ายหรือปิดใช้งานก่อน`);
  }
  if (file.units.length === 1) return refuse('code', 'ต้องมีส่วนราชการอย่างน้อยหนึ่งหน่วย');
  file.units.splice(i, 1);
  // A deactivated person who still names the unit keeps no unit: the import deactivates both.
  for (const p of file.people) if (p.unit === code) p.unit = undefined;
  file.chains = file.chains.filter((c) => c.unit !== code);
  return { at: ['units'] };
}

export interface PositionInput {
  code: string;
  title: string;
  unit?: string;
  endorsementHeading?: string;
}

export function addPosition(file: OrganisationFile, input: PositionInput): OrganisationEdit {
  file.positions.push({
    code: input.code.trim(),
    title: input.title,
    unit: given(input.unit),
    endorsementHeading: given(input.endorsementHeading),
  });
  return { at: ['positions', file.positions.length - 1] };
}

export function renamePosition(file: OrganisationFile, input: PositionInput): OrganisationEdit {
  const i = file.positions.findIndex((p) => p.code === input.code);
  if (i < 0) return refuse('code', 'ไม่พบตำแหน่งนี้ อาจถูกปิดใช้งานไปแล้ว');
  file.positions[i] = {
    code: input.code,
    title: input.title,
    unit: given(input.unit),
    endorsementHeading: given(input.endorsementHeading),
  };
  return { at: ['positions', i] };
}

/**
 * Leaves the post out of the file: its holders no longer hold it. Refused while a chain has it as
 * a step or an acting order names it (those are changed first, on purpose).
 */
export function deactivatePosition(file: OrganisationFile, code: string): OrganisationEdit {
  const i = file.positions.findIndex((p) => p.code === code);
  if (i < 0) return refuse('code', 'ไม่พบตำแหน่งนี้ อาจถูกปิดใช้งานไปแล้ว');
  const unitName = new Map(file.units.map((u) => [u.code, u.name]));
  const chains = file.chains.filter((c) => c.steps.includes(code)).map((c) => unitName.get(c.unit) ?? c.unit);
  if (chains.length > 0) {
    return refuse('code', `ยังปิดใช้งานไม่ได้: ตำแหน่งนี้อยู่ในสายการบังคับบัญชาของ ${listOf(chains)} แก้สายก่อน`);
  }
  if (file.actingOrders.some((o) => o.position === code)) {
    return refuse('code', 'ยังปิดใช้งานไม่ได้: มีคำสั่งรักษาราชการแทนในตำแหน่งนี้ ยกเลิกคำสั่งก่อน');
  }
  file.positions.splice(i, 1);
  for (const p of file.people) p.positions = p.positions.filter((c) => c !== code);
  return { at: ['positions'] };
}

export interface PersonInput {
  username: string;
  prefix: string;
  fullName: string;
  unit?: string;
  position?: string;
  roles: string[];
  password: string;
}

export function addPerson(file: OrganisationFile, input: PersonInput): OrganisationEdit {
  const position = given(input.position);
  file.people.push({
    username: input.username.trim(),
    prefix: input.prefix,
    fullName: input.fullName,
    unit: given(input.unit),
    roles: input.roles.length > 0 ? input.roles : ['officer'],
    positions: position ? [position] : [],
    password: input.password,
    active: true,
  });
  return { at: ['people', file.people.length - 1] };
}

export function setPersonActive(file: OrganisationFile, username: string, active: boolean): OrganisationEdit {
  const i = file.people.findIndex((p) => p.username === username);
  if (i < 0) return refuse('username', 'ไม่พบบุคคลนี้');
  file.people[i].active = active;
  return { at: ['people', i] };
}

/** The import sets a password the file states (hashed as at sign-in) when it differs from the stored one. */
export function setPassword(file: OrganisationFile, username: string, password: string): OrganisationEdit {
  const i = file.people.findIndex((p) => p.username === username);
  if (i < 0) return refuse('username', 'ไม่พบบุคคลนี้');
  file.people[i].password = password;
  return { at: ['people', i] };
}

/** Letters and digits that cannot be mistaken for one another when read out or copied by hand. */
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A new password for the administrator to hand over once (12 characters, about 70 bits). */
export function generatedPassword(): string {
  let out = '';
  for (let i = 0; i < 12; i++) out += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
  return out;
}

/** The steps of a unit's chain, first to last; no steps removes the chain. */
export function setChain(file: OrganisationFile, unit: string, steps: string[]): OrganisationEdit {
  if (!file.units.some((u) => u.code === unit)) return refuse('unit', 'ไม่พบส่วนราชการนี้');
  const i = file.chains.findIndex((c) => c.unit === unit);
  const wanted = steps.map((s) => s.trim()).filter(Boolean);
  if (wanted.length === 0) {
    if (i >= 0) file.chains.splice(i, 1);
    return { at: ['chains'] };
  }
  if (i >= 0) {
    file.chains[i].steps = wanted;
    return { at: ['chains', i] };
  }
  file.chains.push({ unit, steps: wanted });
  return { at: ['chains', file.chains.length - 1] };
}

export interface ActingOrderInput {
  person: string;
  position: string;
  kind: string;
  from: string;
  to?: string;
  reference: string;
}

/** The form's choices are the file's: the kind is its code or its Thai wording. */
export function addActingOrder(file: OrganisationFile, input: ActingOrderInput): OrganisationEdit {
  const from = input.from.trim();
  if (
    file.actingOrders.some(
      (o) => o.person === input.person && o.position === input.position && o.from === from,
    )
  ) {
    return refuse('from', 'มีคำสั่งของบุคคลนี้ในตำแหน่งนี้ที่เริ่มวันเดียวกันอยู่แล้ว');
  }
  file.actingOrders.push({
    person: input.person,
    position: input.position,
    // Checked (and turned into its code) by the schema.
    kind: input.kind as OrganisationFile['actingOrders'][number]['kind'],
    from,
    to: given(input.to),
    reference: input.reference,
  });
  return { at: ['actingOrders', file.actingOrders.length - 1] };
}

/** An order is named by its person, post and first day (the import's key). */
export interface ActingOrderKey {
  person: string;
  position: string;
  from: string;
}

/** Ends an order on a day (its last day); an order ended before it began is removed. */
export function endActingOrder(
  file: OrganisationFile,
  key: ActingOrderKey,
  lastDay: string,
): OrganisationEdit {
  const i = file.actingOrders.findIndex(
    (o) => o.person === key.person && o.position === key.position && o.from === key.from,
  );
  if (i < 0) return refuse('to', 'ไม่พบคำสั่งนี้ อาจถูกยกเลิกไปแล้ว');
  const order = file.actingOrders[i];
  if (/^\d{4}-\d{2}-\d{2}$/.test(lastDay) && lastDay < order.from) {
    file.actingOrders.splice(i, 1);
    return { at: ['actingOrders'] };
  }
  order.to = lastDay;
  return { at: ['actingOrders', i] };
}

export interface HolidayInput {
  date: string;
  name: string;
}

/** A day off of the organisation's own, filed under its year as the file does. */
export function addHoliday(file: OrganisationFile, input: HolidayInput): OrganisationEdit {
  const date = input.date.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return refuse('date', 'กรุณาเลือกวันที่');
  const year = date.slice(0, 4);
  const days = [...(file.holidays[year] ?? []), { date, name: input.name }];
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  file.holidays[year] = days;
  const i = days.findIndex((d) => d.date === date && d.name === input.name);
  if (days.filter((d) => d.date === date).length > 1) {
    return refuse('date', `วันที่นี้เป็นวันหยุดอยู่แล้ว (${days.find((d) => d.date === date && d !== days[i])?.name})`);
  }
  return { at: ['holidays', year, i] };
}

export function removeHoliday(file: OrganisationFile, date: string): OrganisationEdit {
  const year = date.slice(0, 4);
  const days = file.holidays[year] ?? [];
  if (!days.some((d) => d.date === date)) return refuse('date', 'ไม่พบวันหยุดนี้');
  const left = days.filter((d) => d.date !== date);
  if (left.length > 0) file.holidays[year] = left;
  else delete file.holidays[year];
  return { at: ['holidays'] };
}
