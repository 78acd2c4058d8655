import { ApiProperty } from '@nestjs/swagger';

export class CurrentUserResponse {
  @ApiProperty() personId: string;
  @ApiProperty() organisationId: string;
  @ApiProperty() organisationCode: string;
  @ApiProperty() username: string;
  @ApiProperty() prefix: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ type: [String], enum: ['officer', 'clerk', 'admin'] }) roles: string[];
}

export class SessionResponse {
  @ApiProperty({ description: 'Bearer token; also set as an HttpOnly cookie for browsers' })
  token: string;

  @ApiProperty()
  expiresAt: Date;

  @ApiProperty({ type: CurrentUserResponse })
  user: CurrentUserResponse;
}
