import { ApiProperty } from '@nestjs/swagger';
import { RegisterEntryResponse } from './register-entry.response';

export class RegisterPageResponse {
  @ApiProperty({ type: [RegisterEntryResponse] }) items: RegisterEntryResponse[];
  @ApiProperty({ description: 'Entries matching, all pages' }) total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
