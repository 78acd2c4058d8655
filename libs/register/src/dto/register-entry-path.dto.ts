import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { RegisterPathDto } from './register-path.dto';

export class RegisterEntryPathDto extends RegisterPathDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}
