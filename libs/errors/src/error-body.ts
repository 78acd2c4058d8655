import { ApiProperty } from '@nestjs/swagger';

/** Shape of every error answer. */
export class ErrorBody {
  @ApiProperty({ example: 404 })
  statusCode: number;

  @ApiProperty({ example: 'NOT_FOUND', description: 'English error code for programs' })
  code: string;

  @ApiProperty({ example: 'ไม่พบข้อมูลที่ต้องการ', description: 'Thai message for people' })
  message: string;

  @ApiProperty({ required: false, description: 'Field errors or the current state on a conflict' })
  details?: unknown;
}
