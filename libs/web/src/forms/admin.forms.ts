import { IsOptional, IsString, MaxLength } from 'class-validator';

/*
 * The admin forms' bodies. Only their shape is checked here: what a value must be is the
 * organisation file's rule (its schema), answered next to the field with the value kept.
 */

export class UnitForm {
  @IsString() @MaxLength(2000) code: string;
  @IsOptional() @IsString() @MaxLength(2000) name?: string;
  @IsOptional() @IsString() @MaxLength(2000) phone?: string;
}

export class UnitCodeForm {
  @IsString() @MaxLength(2000) code: string;
}

export class PositionForm {
  @IsString() @MaxLength(2000) code: string;
  @IsOptional() @IsString() @MaxLength(2000) title?: string;
  @IsOptional() @IsString() @MaxLength(2000) unit?: string;
  @IsOptional() @IsString() @MaxLength(2000) endorsementHeading?: string;
}

export class PersonForm {
  @IsString() @MaxLength(2000) username: string;
  @IsOptional() @IsString() @MaxLength(2000) prefix?: string;
  @IsOptional() @IsString() @MaxLength(2000) fullName?: string;
  @IsOptional() @IsString() @MaxLength(2000) unit?: string;
  @IsOptional() @IsString() @MaxLength(2000) position?: string;
  @IsOptional() @IsString({ each: true }) @MaxLength(2000, { each: true }) roles?: string | string[];
  /** "generate" (a password shown once) or "set" (the administrator's own). */
  @IsOptional() @IsString() @MaxLength(20) passwordChoice?: string;
  @IsOptional() @IsString() @MaxLength(2000) password?: string;
}

export class PersonActiveForm {
  @IsString() @MaxLength(2000) username: string;
  @IsString() @MaxLength(10) active: string;
}

export class PasswordResetForm {
  @IsString() @MaxLength(2000) username: string;
  @IsOptional() @IsString() @MaxLength(20) passwordChoice?: string;
  @IsOptional() @IsString() @MaxLength(2000) password?: string;
}

export class ChainForm {
  @IsString() @MaxLength(2000) unit: string;
  /** One select per step, first to last; empty selects are left out. */
  @IsOptional() @IsString({ each: true }) @MaxLength(2000, { each: true }) steps?: string | string[];
}

export class ActingOrderForm {
  @IsOptional() @IsString() @MaxLength(2000) person?: string;
  @IsOptional() @IsString() @MaxLength(2000) position?: string;
  @IsOptional() @IsString() @MaxLength(2000) kind?: string;
  @IsOptional() @IsString() @MaxLength(2000) from?: string;
  @IsOptional() @IsString() @MaxLength(2000) to?: string;
  @IsOptional() @IsString() @MaxLength(2000) reference?: string;
}

export class EndActingOrderForm {
  @IsString() @MaxLength(2000) person: string;
  @IsString() @MaxLength(2000) position: string;
  @IsString() @MaxLength(2000) from: string;
  @IsOptional() @IsString() @MaxLength(2000) to?: string;
}

export class HolidayForm {
  @IsOptional() @IsString() @MaxLength(2000) date?: string;
  @IsOptional() @IsString() @MaxLength(2000) name?: string;
}

/** A list field as posted: one value arrives as a string, several as an array. */
export function listOf(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
