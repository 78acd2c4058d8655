import { IsOptional, IsString, MaxLength } from 'class-validator';

/** The sign-in form; blank fields are answered on the page, not with a 400. */
export class SignInForm {
  @IsString()
  @MaxLength(64)
  organisation: string;

  @IsString()
  @MaxLength(128)
  username: string;

  @IsString()
  @MaxLength(256)
  password: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  next?: string;
}
