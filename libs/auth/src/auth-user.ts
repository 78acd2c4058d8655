import type { Role } from '@saraban/organisation';

/** The signed-in caller, attached to the request by the guard. */
export interface AuthUser {
  personId: string;
  organisationId: string;
  organisationCode: string;
  username: string;
  prefix: string;
  fullName: string;
  roles: Role[];
  sessionId: string;
}
