import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '@saraban/auth';
import { MemoAccessPolicy, URGENCIES, type MemoStatus, type Urgency } from '@saraban/memo';
import { likeEscaped } from '@saraban/postgres';
import { bangkokDateString, fiscalYearRange } from '@saraban/thai-format';
import type { OrderKind } from '../core/order-kind';
import type { MemoSearchView } from '../dto/approval-views';
import type { MemoSearchQuery } from '../dto/memo-search.query';
import { searchMemoRows } from './memo-search.repository';

/** The day after an ISO day (the exclusive end of a range that includes `day`). */
function dayAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The days a query asks for, as [first, after-last), the fiscal year and the dates intersected. */
export function searchDayRange(query: Pick<MemoSearchQuery, 'from' | 'to' | 'fiscalYear'>): {
  first: string | null;
  afterLast: string | null;
} {
  let first = query.from ?? null;
  let afterLast = query.to ? dayAfter(query.to) : null;
  if (query.fiscalYear) {
    const fy = fiscalYearRange(query.fiscalYear);
    const start = bangkokDateString(fy.start);
    const end = bangkokDateString(fy.end);
    if (!first || start > first) first = start;
    if (!afterLast || end < afterLast) afterLast = end;
  }
  return { first, afterLast };
}

/**
 * Finding memos: every memo the caller may read (the memo access rules, see the repository),
 * by words Thai-normalised on trigram indexes, by status and by date or fiscal year; and "the
 * memos I acted on" (endorsed, returned, decided), my latest action first; and the memos copied to
 * me (สำเนาเรียน), which are in this list and never in the inbox.
 */
@Injectable()
export class MemoSearchService {
  constructor(
    private readonly db: DataSource,
    private readonly access: MemoAccessPolicy,
  ) {}

  async search(user: AuthUser, query: MemoSearchQuery, now = new Date()): Promise<MemoSearchView> {
    const term = query.q?.trim() ? likeEscaped(query.q.trim()) : null;
    const { first, afterLast } = searchDayRange(query);
    const params: unknown[] = [
      user.organisationId,
      user.personId,
      bangkokDateString(now),
      this.access.canListOrganisation(user),
      query.status ?? null,
      first,
      afterLast,
      query.acted === true ? 'acted' : query.copied === true ? 'copied' : 'all',
      query.limit ?? 50,
      query.offset ?? 0,
    ];
    const rows = await searchMemoRows(this.db.manager, params, term, query.copied === true);
    return {
      total: rows[0]?.total ?? 0,
      items: rows.map((r) => ({
        memoId: r.id,
        subject: r.subject,
        status: r.status as MemoStatus,
        urgency: (URGENCIES as readonly string[]).includes(r.urgency) ? (r.urgency as Urgency) : 'normal',
        authorName: r.author_name ?? '',
        documentNo: r.document_no,
        day: r.day,
        decisionOrder: r.decision_order as OrderKind | null,
        myAction:
          r.my_action && r.acted_at
            ? {
                action: r.my_action,
                orderKind: r.my_order_kind as OrderKind | null,
                text: r.my_text,
                at: r.acted_at,
              }
            : null,
        updatedAt: r.updated_at,
      })),
    };
  }
}
