import { IsIn, IsOptional, IsString, Matches } from 'class-validator';

/** The version the page was loaded at, sent back with every change (409 if the memo moved on). */
export class VersionForm {
  @IsOptional() @IsString() @Matches(/^\d{1,9}$/) version?: string;
}

export class PdfUploadForm extends VersionForm {
  @IsOptional() @IsString() title?: string;
}

export class TableForm extends VersionForm {
  @IsOptional() @IsString() title?: string;
  @IsOptional() @IsString() tsv?: string;
  /** "preview" shows the table as it was read, without adding it. */
  @IsOptional() @IsIn(['preview', 'add']) op?: 'preview' | 'add';
}

export class MoveForm extends VersionForm {
  @IsIn(['up', 'down']) direction: 'up' | 'down';
}

export function versionOf(form: VersionForm): number | undefined {
  return form.version ? Number(form.version) : undefined;
}
