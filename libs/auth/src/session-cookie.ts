export const SESSION_COOKIE = 'saraban_session';
