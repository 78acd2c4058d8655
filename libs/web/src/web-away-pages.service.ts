import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthUser } from '@saraban/auth';
import { AwayService, type AwayNoticeView } from '@saraban/away';
import { ACTING_KIND_LABELS, OrganisationDirectoryService } from '@saraban/organisation';
import { bangkokDateString } from '@saraban/thai-format';
import { WebShell } from './web-shell.service';
import { WebViews } from './web-views.service';
const STATUS_LABELS: Record<AwayNoticeView['status'], string> = {
  pending: 'รอผู้ดูแลระบบอนุมัติ',
  approved: 'อนุมัติแล้ว',
  rejected: 'ไม่อนุมัติ',
  cancelled: 'ยกเลิกแล้ว',
};

const FLASH: Record<string, string> = {
  declared: 'บันทึกการแจ้งไม่อยู่แล้ว',
  cancelled: 'ยกเลิกการแจ้งไม่อยู่แล้ว',
  approved: 'อนุมัติแล้ว ระบบออกคำสั่งให้ปฏิบัติหน้าที่แทน',
  rejected: 'ไม่อนุมัติแล้ว',
};

function shown(n: AwayNoticeView) {
  return {
    ...n,
    statusLabel: STATUS_LABELS[n.status],
    cancellable: n.status === 'pending' || n.status === 'approved',
  };
}

/** The two away pages: a person's own notices with the form, and the administrator's approvals. */
export type AwayPage = 'away' | 'admin-away';

/**
 * Sends an away page, with the confirmation of an away form's redirect (`done`) or the message of
 * a refused one (`error`, with its status).
 */
@Injectable()
export class WebAwayPages {
  constructor(
    private readonly away: AwayService,
    private readonly directory: OrganisationDirectoryService,
    private readonly shell: WebShell,
    private readonly views: WebViews,
  ) {}

  async send(
    page: AwayPage,
    res: Response,
    user: AuthUser,
    done: unknown,
    error: string | null,
    status: number,
  ): Promise<void> {
    const [shell, data] = await Promise.all([
      page === 'away'
        ? this.shell.context(user, 'mine', 'แจ้งไม่อยู่และมอบหมายผู้ปฏิบัติหน้าที่แทน')
        : this.shell.context(user, 'admin', 'อนุมัติการแจ้งไม่อยู่'),
      page === 'away' ? this.mine(user) : this.pending(user),
    ]);
    const flash = typeof done === 'string' && done ? (FLASH[done] ?? null) : shell.flash;
    this.views.send(res, page, { ...shell, flash, error, ...data }, status);
  }

  private async mine(user: AuthUser): Promise<object> {
    const [notices, d] = await Promise.all([
      this.away.mine(user),
      this.directory.directory(user.organisationId),
    ]);
    return {
      today: bangkokDateString(new Date()),
      people: d.people
        .filter((p) => p.active && p.id !== user.personId)
        .map((p) => ({ id: p.id, name: `${p.prefix}${p.fullName}` })),
      kinds: Object.entries(ACTING_KIND_LABELS)
        .filter(([k]) => k !== 'delegated')
        .map(([value, label]) => ({ value, label })),
      notices: notices.map(shown),
    };
  }

  private async pending(user: AuthUser): Promise<object> {
    return { notices: (await this.away.pending(user)).map(shown) };
  }
}
