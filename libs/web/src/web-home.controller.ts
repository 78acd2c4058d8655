import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, type AuthUser } from '@saraban/auth';
import { MemoDraftService, URGENCIES, type Urgency } from '@saraban/memo';
import { applyDigits } from '@saraban/thai-format';
import { WebApproval, capacityLabel } from './web-approval.service';
import { WebExceptionFilter } from './web-exception.filter';
import { PURPOSE_LABELS, URGENCY_LABELS } from './web-labels';
import { WebShell } from './web-shell.service';
import { WebViews } from './web-views.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The home page: what waits for me, in every capacity I hold today, urgent first. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app')
export class WebHomeController {
  constructor(
    private readonly approval: WebApproval,
    private readonly drafts: MemoDraftService,
    private readonly shell: WebShell,
    private readonly views: WebViews,
  ) {}

  @Get()
  async inbox(
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const urgency: Urgency | undefined = URGENCIES.find((u) => u === query.urgency);
    const capacity =
      typeof query.capacity === 'string' && UUID.test(query.capacity) ? query.capacity : undefined;
    const q = typeof query.q === 'string' ? query.q.trim().slice(0, 200) : '';
    const inbox = await this.approval.inbox(user, { urgency, capacity, q: q || undefined, limit: 100 });
    // Which items wait for a decision (those can be acknowledged in bulk): the engine says what I may do.
    const [states, purposes] = await Promise.all([
      Promise.all(inbox.items.map((i) => this.approval.state(user, i.memoId))),
      this.drafts.purposesOf(
        user.organisationId,
        inbox.items.map((i) => i.memoId),
      ),
    ]);
    const items = inbox.items.map((item, n) => {
      const isDecision = states[n].allowedCommands.includes('decide');
      const purpose = purposes.get(item.memoId) ?? 'decision';
      return {
        ...item,
        secrecy: 'normal',
        capacityKey: item.capacity.stepPositionId,
        capacityLabel: capacityLabel(item.capacity),
        isDecision,
        purposeLabel: PURPOSE_LABELS[purpose],
        // One tap (and the bulk list) only where "ทราบ" is what the writer asked for.
        canAcknowledge: isDecision && purpose === 'information',
      };
    });
    // A memo returned to its writer is work waiting for them: counted with the rest.
    const total = inbox.capacities.reduce((sum, c) => sum + c.count, 0) + inbox.returned.length;
    let flash: unknown = query.done;
    const shell = await this.shell.context(user, 'inbox', 'งานรอดำเนินการ', flash);
    if (query.done === 'acknowledged' && typeof query.n === 'string' && typeof query.of === 'string') {
      flash = applyDigits(
        `ลงนาม "ทราบ" แล้ว ${Number(query.n) || 0} จาก ${Number(query.of) || 0} เรื่อง`,
        shell.digits,
      );
      shell.flash = String(flash);
    }
    this.views.send(res, 'inbox', {
      ...shell,
      total: capacity ? inbox.total : total,
      allTotal: total,
      anyAcknowledge: items.some((i) => i.canAcknowledge),
      items,
      returned: inbox.returned,
      counts: inbox.capacities.map((c) => ({
        key: c.capacity.stepPositionId,
        label: capacityLabel(c.capacity),
        count: c.count,
        current: c.capacity.stepPositionId === capacity,
        href: `/app?capacity=${c.capacity.stepPositionId}`,
      })),
      filters: { urgency, capacity, q },
      filtered: !!(urgency || capacity || q),
      urgencies: Object.entries(URGENCY_LABELS)
        .filter(([v]) => v !== 'normal')
        .map(([value, label]) => ({ value, label, selected: value === urgency })),
    });
  }
}
