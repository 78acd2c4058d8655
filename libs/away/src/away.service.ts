import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '@saraban/auth';
import { AppException, ErrorCode } from '@saraban/errors';
import {
  ACTING_KIND_LABELS,
  awayActingOrdersRepository as orders,
  readWorkingTime,
} from '@saraban/organisation';
import { bangkokDateString, formatThaiDate } from '@saraban/thai-format';
import { awayNoticeRepository as notices, type AwayNoticeRow } from './away-notice.repository';
import type { DeclareAwayDto } from './dto/declare-away.dto';
import type { AwayNoticeView } from './dto/away-notice.view';

/** The longest absence one notice covers; longer ones are an order of the organisation file. */
const MAX_DAYS = 366;
const DAY_MS = 86_400_000;

function invalid(field: string, problem: string): AppException {
  return new AppException(ErrorCode.ValidationFailed, [{ field, problems: [problem] }]);
}

/**
 * Away and hand-over: a person says when they will be away and who acts; the notice becomes
 * acting orders for each post they hold — at once, or when an administrator approves it where
 * the organisation requires that. One transaction per action; a notice decided twice at once
 * has one winner and one 409.
 */
@Injectable()
export class AwayService {
  constructor(private readonly db: DataSource) {}

  async declare(user: AuthUser, dto: DeclareAwayDto, now = new Date()): Promise<AwayNoticeView> {
    const today = bangkokDateString(now);
    if (dto.to < dto.from) throw invalid('to', 'วันสุดท้ายต้องไม่ก่อนวันแรก');
    if (dto.from < today) throw invalid('from', 'วันแรกต้องไม่ก่อนวันนี้');
    if ((Date.parse(dto.to) - Date.parse(dto.from)) / DAY_MS + 1 > MAX_DAYS)
      throw invalid('to', `แจ้งได้ครั้งละไม่เกิน ${MAX_DAYS} วัน`);
    if (dto.actingPersonId === user.personId) throw invalid('actingPersonId', 'ผู้ปฏิบัติหน้าที่แทนต้องไม่ใช่ตนเอง');
    return this.db.transaction(async (m) => {
      const acting = await orders.activePerson(m, user.organisationId, dto.actingPersonId);
      if (!acting) throw invalid('actingPersonId', 'ไม่พบผู้ปฏิบัติหน้าที่แทนในหน่วยงานนี้');
      const held = await orders.positionIdsHeldBy(m, user.organisationId, user.personId);
      if (held.length === 0) throw invalid('from', 'คุณไม่ได้ดำรงตำแหน่งใดที่ต้องมีผู้ปฏิบัติหน้าที่แทน');
      await notices.lockPerson(m, user.personId);
      if (await notices.overlaps(m, user.personId, dto.from, dto.to)) {
        throw new AppException(
          ErrorCode.Conflict,
          { field: 'from' },
          'ช่วงวันที่นี้ซ้อนกับการแจ้งไม่อยู่ที่มีอยู่แล้ว ยกเลิกรายการเดิมก่อนหรือเลือกวันอื่น',
        );
      }
      const id = await notices.insert(m, {
        organisationId: user.organisationId,
        personId: user.personId,
        actingPersonId: dto.actingPersonId,
        kind: dto.kind ?? 'acting',
        fromDate: dto.from,
        toDate: dto.to,
        note: dto.note?.trim() || null,
      });
      const wt = (await readWorkingTime(m, [user.organisationId])).get(user.organisationId);
      if (wt && !wt.awayRequiresApproval) {
        const approved = await notices.transition(m, user.organisationId, id, 'pending', 'approved', {
          byId: null,
          note: 'อนุมัติอัตโนมัติ (หน่วยงานไม่กำหนดให้ผู้ดูแลระบบอนุมัติ)',
        });
        return this.view(m, approved!, await this.makeOrders(m, approved!, null));
      }
      return this.view(m, (await notices.find(m, user.organisationId, id))!, 0);
    });
  }

  /** The administrator approves: the acting orders exist from now on. */
  approve(admin: AuthUser, id: string, note: string | undefined): Promise<AwayNoticeView> {
    return this.db.transaction(async (m) => {
      const approved = await this.decide(m, admin, id, 'approved', note);
      return this.view(m, approved, await this.makeOrders(m, approved, `${admin.prefix}${admin.fullName}`));
    });
  }

  reject(admin: AuthUser, id: string, note: string | undefined): Promise<AwayNoticeView> {
    return this.db.transaction(async (m) =>
      this.view(m, await this.decide(m, admin, id, 'rejected', note), 0),
    );
  }

  /** The person withdraws their notice (back early, plans changed): its orders end today. */
  cancel(user: AuthUser, id: string, now = new Date()): Promise<AwayNoticeView> {
    return this.db.transaction(async (m) => {
      const current = await notices.find(m, user.organisationId, id);
      if (!current || current.personId !== user.personId) throw new AppException(ErrorCode.NotFound);
      if (current.status !== 'pending' && current.status !== 'approved') {
        throw new AppException(ErrorCode.VersionConflict, { status: current.status });
      }
      const cancelled = await notices.transition(
        m,
        user.organisationId,
        id,
        current.status,
        'cancelled',
        null,
      );
      if (!cancelled) throw new AppException(ErrorCode.VersionConflict);
      if (current.status === 'approved') {
        await orders.end(m, user.organisationId, id, bangkokDateString(now));
      }
      return this.view(m, cancelled, 0);
    });
  }

  async mine(user: AuthUser): Promise<AwayNoticeView[]> {
    const m = this.db.manager;
    const rows = await notices.ofPerson(m, user.organisationId, user.personId);
    return this.views(m, user.organisationId, rows);
  }

  async pending(admin: AuthUser): Promise<AwayNoticeView[]> {
    const m = this.db.manager;
    const rows = await notices.ofOrganisation(m, admin.organisationId, 'pending');
    return this.views(m, admin.organisationId, rows);
  }

  private async decide(
    m: EntityManager,
    admin: AuthUser,
    id: string,
    to: 'approved' | 'rejected',
    note: string | undefined,
  ): Promise<AwayNoticeRow> {
    const current = await notices.find(m, admin.organisationId, id);
    if (!current) throw new AppException(ErrorCode.NotFound);
    const decided = await notices.transition(m, admin.organisationId, id, 'pending', to, {
      byId: admin.personId,
      note: note?.trim() || null,
    });
    if (!decided) throw new AppException(ErrorCode.VersionConflict, { status: current.status });
    return decided;
  }

  /** One acting order per post the absent person holds today, for the notice's days. */
  private async makeOrders(m: EntityManager, n: AwayNoticeRow, approvedBy: string | null): Promise<number> {
    const positionIds = await orders.positionIdsHeldBy(m, n.organisationId, n.personId);
    const names = await orders.personNames(m, n.organisationId, [n.personId]);
    const days = `${formatThaiDate(new Date(`${n.fromDate}T12:00:00+07:00`))} – ${formatThaiDate(
      new Date(`${n.toDate}T12:00:00+07:00`),
    )}`;
    const reference =
      `แจ้งไม่อยู่ของ${names.get(n.personId) ?? ''} ${days}` + (approvedBy ? ` อนุมัติโดย${approvedBy}` : '');
    return orders.insert(m, {
      organisationId: n.organisationId,
      awayNoticeId: n.id,
      actingPersonId: n.actingPersonId,
      positionIds,
      kind: n.kind,
      fromDate: n.fromDate,
      toDate: n.toDate,
      reference,
    });
  }

  private async view(m: EntityManager, n: AwayNoticeRow, actingOrders: number): Promise<AwayNoticeView> {
    const [v] = await this.views(m, n.organisationId, [n]);
    return { ...v, actingOrders: actingOrders || v.actingOrders };
  }

  private async views(
    m: EntityManager,
    organisationId: string,
    rows: AwayNoticeRow[],
  ): Promise<AwayNoticeView[]> {
    const names = await orders.personNames(
      m,
      organisationId,
      rows.flatMap((r) => [r.personId, r.actingPersonId]),
    );
    const counts = await orders.countOfAway(
      m,
      organisationId,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      id: r.id,
      personId: r.personId,
      personName: names.get(r.personId) ?? '',
      actingPersonId: r.actingPersonId,
      actingPersonName: names.get(r.actingPersonId) ?? '',
      kind: r.kind,
      kindLabel: ACTING_KIND_LABELS[r.kind],
      from: r.fromDate,
      to: r.toDate,
      note: r.note,
      status: r.status,
      decidedAt: r.decidedAt,
      decisionNote: r.decisionNote,
      actingOrders: counts.get(r.id) ?? 0,
      createdAt: r.createdAt,
    }));
  }
}
