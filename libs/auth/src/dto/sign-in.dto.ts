import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class SignInDto {
  @ApiProperty({ example: 'khampee', description: 'Organisation code' })
  @IsString()
  @Length(1, 64)
  organisation: string;

  @ApiProperty({ example: 'nitikorn' })
  @IsString()
  @Length(1, 128)
  username: string;

  @ApiProperty({ example: 'demo1234' })
  @IsString()
  @Length(1, 256)
  password: string;
}
