import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class InstallCertificateDto {
  @ApiProperty({ description: 'Password of the PKCS#12 file' })
  @IsString()
  @Length(0, 256)
  password: string;
}
