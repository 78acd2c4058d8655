import { IsOptional, IsString, MaxLength } from 'class-validator';

export class CertificateForm {
  @IsOptional() @IsString() @MaxLength(256) password?: string;
}
