/**
 * Which library owns which table: the one map the ownership test, and docs/architecture.md,
 * follow. A table's SQL lives only in its owner's `*.repository.ts` files; every other library
 * calls the owner's exported functions.
 */
export const TABLE_OWNERS: Readonly<Record<string, readonly string[]>> = {
  organisation: [
    'organisations',
    'units',
    'positions',
    'people',
    'person_positions',
    'approval_chain_steps',
    'acting_orders',
  ],
  auth: ['sessions'],
  memo: ['memos', 'memo_revisions', 'memo_attachments', 'memo_search_texts'],
  register: ['register_counters', 'register_entries', 'register_number_changes'],
  approval: [
    'memo_workflows',
    'approval_history',
    'approval_history_heads',
    'approval_history_pending',
    'idempotency_keys',
  ],
  outbox: ['outbox'],
  publication: ['signed_documents', 'publications', 'oit_catalogue_items'],
  certificates: ['organisation_certificates'],
  pipeline: ['document_failures'],
  notification: [
    'notifications',
    'notification_deliveries',
    'notification_settings',
    'notification_preferences',
    'line_channels',
    'line_links',
    'line_link_codes',
    'webhook_subscriptions',
    'webhook_deliveries',
  ],
  deadlines: ['deadline_notices', 'deadline_sweeps'],
  away: ['away_notices'],
};

/** table name → owning library. */
export function ownerOf(table: string): string | undefined {
  for (const [library, tables] of Object.entries(TABLE_OWNERS)) if (tables.includes(table)) return library;
  return undefined;
}
