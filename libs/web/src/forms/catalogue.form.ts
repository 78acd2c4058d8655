import { IsString, Matches, MaxLength } from 'class-validator';

export class CatalogueForm {
  @Matches(/^\d{4}$/) fiscalYear: string;
  @IsString() @MaxLength(20_000) items: string;
}
