import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppException, ErrorCode } from '@saraban/errors';
import type { AuthUser } from './auth-user';
import { DUMMY_PASSWORD_HASH, verifyPassword } from './password.util';
import { SessionService, type SessionClient } from './session.service';
import { SignInThrottle } from './throttling/sign-in-throttle.service';
import { accountForSignIn } from './session.repository';

/** The sign-in form's fields and where it came from. */
export interface SignInRequest {
  organisation: string;
  username: string;
  password: string;
  client: SessionClient & { address: string };
}

/** Sign-in for the JSON API and the web page alike: throttled, then the password, then a session. */
@Injectable()
export class SignInService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionService,
    private readonly throttle: SignInThrottle,
  ) {}

  /**
   * Checks the password and opens a session; the same error whether the user or the password is
   * wrong. Too many failures answer 429 (SIGN_IN_THROTTLED, ACCOUNT_LOCKED) with
   * `details.retryAfterSeconds`.
   */
  async signIn(input: SignInRequest): Promise<{ token: string; expiresAt: Date; user: AuthUser }> {
    const person = await this.throttle.attempt(
      { organisation: input.organisation, username: input.username, address: input.client.address },
      () => this.checkPassword(input.organisation, input.username, input.password),
    );
    const { token, expiresAt } = await this.sessions.open(person, input.client);
    const user = await this.sessions.resolve(token);
    if (!user) throw new AppException(ErrorCode.InternalError);
    return { token, expiresAt, user };
  }

  /** The person, or null when the account is unknown, inactive or the password wrong (in the same time). */
  private async checkPassword(
    organisationCode: string,
    username: string,
    password: string,
  ): Promise<{ id: string; organisationId: string } | null> {
    const person = await accountForSignIn(this.db, organisationCode, username);
    const ok = await verifyPassword(password, person?.password_hash ?? DUMMY_PASSWORD_HASH);
    if (!person || !person.password_hash || !ok) return null;
    return { id: person.id, organisationId: person.organisation_id };
  }
}
