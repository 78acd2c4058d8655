/**
 * Ownership violations not moved yet (issue 12): none left. The test fails on a new one and on
 * a listed one that no longer occurs, so this list stays empty.
 */
export const OWNERSHIP_EXCEPTIONS: readonly string[] = [];

/**
 * Entity classes a library's `index.ts` still makes public (`library Class`): only for the test
 * factories, specs and benches that build rows with them; no library imports one. The test fails
 * on a new one and on a listed one that is no longer public, so this list only shrinks.
 */
export const ENTITY_EXPORT_EXCEPTIONS: readonly string[] = [
  'organisation ActingOrder',
  'organisation ApprovalChainStep',
  'organisation Organisation',
  'organisation Person',
  'organisation PersonPosition',
  'organisation Position',
  'organisation Unit',
  'publication SignedDocument',
  'register RegisterCounter',
  'register RegisterEntry',
];
