import { ApiProperty } from '@nestjs/swagger';

/** A person as printed: prefix and full name. */
export class MemoPersonView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'นางสาว' })
  prefix: string;

  @ApiProperty({ example: 'อมรรัตน์ วงศ์อุตติ' })
  fullName: string;
}
