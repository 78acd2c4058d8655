import { ApiProperty } from '@nestjs/swagger';

export class ImportCounts {
  @ApiProperty() created = 0;
  @ApiProperty() updated = 0;
  @ApiProperty({ description: 'deactivated or removed because the file no longer lists them' }) removed = 0;
  @ApiProperty() unchanged = 0;
}

/** What an import did; importing the same file twice reports only `unchanged` the second time. */
export class OrganisationImportSummary {
  @ApiProperty() organisationId: string;
  @ApiProperty() organisationCode: string;
  @ApiProperty() changed: boolean;
  @ApiProperty({ type: ImportCounts }) organisation = new ImportCounts();
  @ApiProperty({ type: ImportCounts }) units = new ImportCounts();
  @ApiProperty({ type: ImportCounts }) positions = new ImportCounts();
  @ApiProperty({ type: ImportCounts }) people = new ImportCounts();
  @ApiProperty({ type: ImportCounts }) personPositions = new ImportCounts();
  @ApiProperty({ type: ImportCounts }) chainSteps = new ImportCounts();
  @ApiProperty({ type: ImportCounts }) actingOrders = new ImportCounts();
}
