import { ApiProperty } from '@nestjs/swagger';

export class CertificateView {
  @ApiProperty() subject: string;
  @ApiProperty({ description: 'SHA-256 fingerprint' }) fingerprint: string;
  @ApiProperty() validFrom: Date;
  @ApiProperty() validTo: Date;
  @ApiProperty({ description: 'true for the demo certificate; real organisations install one from a CA' })
  selfSigned: boolean;
  @ApiProperty() installedAt: Date;
}
