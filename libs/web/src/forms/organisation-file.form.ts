import { IsString, MaxLength } from 'class-validator';

export class OrganisationFileForm {
  @IsString() @MaxLength(2_000_000) source: string;
}
