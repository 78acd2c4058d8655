import { ApiProperty } from '@nestjs/swagger';

/** A post with its title as printed. */
export class MemoPositionView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'นิติกรปฏิบัติการ' })
  title: string;
}
