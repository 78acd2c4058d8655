import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { MemoSearchService, ORDER_CHOICE_LABELS, type MemoSearchItemView } from '@saraban/approval';
import { CurrentUser, type AuthUser } from '@saraban/auth';
import { MEMO_STATUSES, type MemoStatus } from '@saraban/memo';
import {
  fiscalYearLabel,
  fiscalYearOf,
  formatTypedDay,
  parseTypedDay,
  toArabicDigits,
} from '@saraban/thai-format';
import { WebExceptionFilter } from './web-exception.filter';
import { STATUS_LABELS } from './web-labels';
import { WebShell, type NavKey } from './web-shell.service';
import { WebViews } from './web-views.service';

const PAGE_SIZE = 50;
const DAY_PROBLEM = 'วันที่ไม่ถูกต้อง ใช้รูปแบบ วัน/เดือน/ปี พ.ศ. จึงไม่ได้กรองตามวันที่นี้';
/** How many fiscal years back the filter offers (this one and the four before). */
const FISCAL_YEARS_OFFERED = 5;

const MY_ACTION_LABELS: Record<NonNullable<MemoSearchItemView['myAction']>['action'], string> = {
  endorsed: 'ท่านลงความเห็น',
  returned: 'ท่านส่งคืนให้แก้ไข',
  decided: 'ท่านสั่งการ',
};

/** "ท่านสั่งการ: อนุมัติ", "ท่านส่งคืนให้แก้ไข" …: what I did, in a line. */
function myActionLabel(a: NonNullable<MemoSearchItemView['myAction']>): string {
  if (a.action !== 'decided' || !a.orderKind) return MY_ACTION_LABELS[a.action];
  const order = a.orderKind === 'custom' ? (a.text ?? '') : ORDER_CHOICE_LABELS[a.orderKind];
  return order ? `${MY_ACTION_LABELS.decided}: ${order}` : MY_ACTION_LABELS.decided;
}

/** The lists this page serves, each at /app/<mode>. */
const LIST_MODES = ['search', 'copies', 'acted'] as const satisfies readonly NavKey[];

const TITLES: Record<(typeof LIST_MODES)[number], string> = {
  search: 'ค้นหาบันทึกข้อความ',
  acted: 'เรื่องที่ฉันพิจารณาแล้ว',
  copies: 'สำเนาเรียนถึงฉัน',
};

interface Filters {
  q: string;
  status: MemoStatus | '';
  /** ISO days ('' when not given or not a date); `fromTyped`/`toTyped` as typed, to show back. */
  from: string;
  to: string;
  fromTyped: string;
  toTyped: string;
  fiscalYear: number | null;
  page: number;
}

function filtersOf(query: Record<string, unknown>): Filters {
  const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
  const day = (v: unknown): string => (text(v) ? (parseTypedDay(text(v).slice(0, 20)) ?? '') : '');
  const fy = Number(toArabicDigits(text(query.fy)));
  const page = Number(toArabicDigits(text(query.page)));
  return {
    q: text(query.q).slice(0, 200),
    status: MEMO_STATUSES.find((s) => s === query.status) ?? '',
    from: day(query.from),
    to: day(query.to),
    fromTyped: text(query.from).slice(0, 20),
    toTyped: text(query.to).slice(0, 20),
    fiscalYear: Number.isInteger(fy) && fy >= 2500 && fy <= 2700 ? fy : null,
    page: Number.isInteger(page) && page >= 1 && page <= 200 ? page : 1,
  };
}

/**
 * Finding memos: a search over every memo the person may read, and "เรื่องที่ฉันพิจารณาแล้ว" (the
 * memos I endorsed, returned or decided) and "สำเนาเรียนถึงฉัน" (the memos copied to me or my unit, for
 * information: here, never in the inbox), all with the same filters: words, status, dates, fiscal year.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app')
export class WebSearchController {
  constructor(
    private readonly searches: MemoSearchService,
    private readonly shell: WebShell,
    private readonly views: WebViews,
  ) {}

  /** /app/search, /app/copies and /app/acted: one page, three lists (the path names the list). */
  @Get([...LIST_MODES])
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const mode = LIST_MODES.find((m) => req.path.endsWith(`/${m}`)) ?? 'search';
    await this.render(res, user, query, mode);
  }

  private async render(
    res: Response,
    user: AuthUser,
    query: Record<string, unknown>,
    mode: (typeof LIST_MODES)[number],
  ): Promise<void> {
    const f = filtersOf(query);
    const acted = mode === 'acted';
    const title = TITLES[mode];
    const searched = !!(f.q || f.status || f.from || f.to || f.fiscalYear);
    // The search page asks before it lists: everything one may read, unfiltered, is no answer.
    const idle = mode === 'search' && !searched;
    const [shell, result] = await Promise.all([
      this.shell.context(user, mode, title),
      idle
        ? Promise.resolve({ total: 0, items: [] })
        : this.searches.search(user, {
            q: f.q || undefined,
            status: f.status || undefined,
            from: f.from || undefined,
            to: f.to || undefined,
            fiscalYear: f.fiscalYear ?? undefined,
            acted,
            copied: mode === 'copies',
            limit: PAGE_SIZE,
            offset: (f.page - 1) * PAGE_SIZE,
          }),
    ]);
    const currentFy = fiscalYearOf(new Date());
    const base = `/app/${mode}`;
    const pageHref = (page: number): string => {
      const p = new URLSearchParams();
      if (f.q) p.set('q', f.q);
      if (f.status) p.set('status', f.status);
      if (f.from) p.set('from', f.from);
      if (f.to) p.set('to', f.to);
      if (f.fiscalYear) p.set('fy', String(f.fiscalYear));
      p.set('page', String(page));
      return `${base}?${p.toString()}`;
    };
    this.views.send(res, 'search', {
      ...shell,
      acted,
      copies: mode === 'copies',
      action: base,
      heading: title,
      filters: f,
      // The days as the organisation writes them (๑/๑๐/๒๕๖๙); what was typed when it is not a date.
      fromShown: f.from ? formatTypedDay(f.from, shell.digits) : f.fromTyped,
      toShown: f.to ? formatTypedDay(f.to, shell.digits) : f.toTyped,
      fromError: f.fromTyped && !f.from ? DAY_PROBLEM : null,
      toError: f.toTyped && !f.to ? DAY_PROBLEM : null,
      dayExample: formatTypedDay(`${currentFy - 544}-10-01`, shell.digits),
      searched,
      idle,
      total: result.total,
      items: result.items.map((i) => ({
        ...i,
        myActionLabel: i.myAction ? myActionLabel(i.myAction) : null,
        decisionLabel:
          i.decisionOrder && i.decisionOrder !== 'custom' ? ORDER_CHOICE_LABELS[i.decisionOrder] : null,
      })),
      statuses: MEMO_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s], selected: s === f.status })),
      fiscalYears: Array.from({ length: FISCAL_YEARS_OFFERED }, (_, n) => currentFy - n).map((fy) => ({
        value: fy,
        label: fiscalYearLabel(fy, shell.digits),
        selected: fy === f.fiscalYear,
      })),
      previousHref: f.page > 1 ? pageHref(f.page - 1) : null,
      nextHref: result.total > f.page * PAGE_SIZE ? pageHref(f.page + 1) : null,
      firstShown: result.items.length ? (f.page - 1) * PAGE_SIZE + 1 : 0,
      lastShown: (f.page - 1) * PAGE_SIZE + result.items.length,
      partial: result.total > result.items.length,
    });
  }
}
