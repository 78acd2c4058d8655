export * from './auth-user';
export * from './auth.decorators';
export * from './auth.module';
export * from './entities';
export * from './password.util';
export * from './session-cookie';
export * from './session.service';
