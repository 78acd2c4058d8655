export { QUIET_CHROMIUM_ARGS } from './browser-host';
export * from './memo-document';
export * from './pdf-renderer';
export * from './pdf-renderer-options';
export { SECRECY_LABELS, URGENCY_LABELS } from './memo-view.util';
export * from './print-budget';
export type { RendererHealth } from './renderer-watchdog';
export { thaiBreakIndices, thaiWords } from './typesetting/thai-words.util';
