import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { OUTGOING_REGISTER, REGISTER_NAME_PATTERN } from '../register-name';

export class RegisterPathDto {
  @ApiProperty({ example: OUTGOING_REGISTER, description: 'Register code; "outgoing" is the ทะเบียนหนังสือส่ง' })
  @Matches(REGISTER_NAME_PATTERN)
  register: string;
}
