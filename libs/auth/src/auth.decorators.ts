import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Role } from '@saraban/organisation';
import type { AuthUser } from './auth-user';

export const PUBLIC_KEY = 'saraban:public';
export const ROLES_KEY = 'saraban:roles';

/** The route needs no session. */
export const Public = (): ClassDecorator & MethodDecorator => SetMetadata(PUBLIC_KEY, true);

/** The caller needs at least one of these roles (403 otherwise). */
export const Roles = (...roles: Role[]): ClassDecorator & MethodDecorator => SetMetadata(ROLES_KEY, roles);

export type AuthenticatedRequest = Request & { user?: AuthUser };

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  const user = ctx.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new Error('CurrentUser used on a public route');
  return user;
});
