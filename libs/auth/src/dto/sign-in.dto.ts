import { ApiProperty } from '@nestjs/swagger';
import { SIGN_IN_LIMITS } from './sign-in.schema';

/** POST /auth/login, for OpenAPI only: the body is validated by signInSchema. */
export class SignInDto {
  @ApiProperty({
    example: 'khampee',
    description: 'Organisation code',
    maxLength: SIGN_IN_LIMITS.organisation,
  })
  organisation: string;

  @ApiProperty({ example: 'nitikorn', maxLength: SIGN_IN_LIMITS.username })
  username: string;

  @ApiProperty({ example: 'demo1234', maxLength: SIGN_IN_LIMITS.password })
  password: string;
}
