import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class NextNumberForm {
  @IsString() @Matches(/^\s*[0-9๐-๙]{1,10}\s*$/, { message: 'เลขถัดไปต้องเป็นตัวเลข' }) nextNumber: string;
  @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class CancelEntryForm {
  @IsString() @MaxLength(500) reason: string;
}

export class PaperDocumentForm {
  @IsString() @MaxLength(500) fromText: string;
  @IsString() @MaxLength(500) toText: string;
  @IsString() @MaxLength(1000) subject: string;
  @IsOptional() @IsString() @MaxLength(500) remarks?: string;
}
