/** The ทะเบียนหนังสือส่ง, the register memos are numbered in. */
export const OUTGOING_REGISTER = 'outgoing';

/**
 * Register names are short codes in URLs and rows ("outgoing"; an office may keep others,
 * e.g. "orders" for คำสั่ง), so they are restricted to a slug.
 */
export const REGISTER_NAME_PATTERN = /^[a-z][a-z0-9-]{1,31}$/;
