import { Module, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MemoAccessPolicy, MemoModule } from '@saraban/memo';
import { RegisterModule } from '@saraban/register';
import { ApprovalController } from './approval.controller';
import { AuditController } from './audit.controller';
import { ApprovalCommandService } from './commands/approval-command.service';
import { ApprovalReader } from './commands/approval-reader';
import { ApprovalStateWriter } from './commands/approval-state.writer';
import { ApprovalViewBuilder } from './commands/approval-view.builder';
import { ApprovalAuditService } from './history/approval-audit.service';
import { IdempotencyService } from './idempotency/idempotency.service';
import { InboxController } from './inbox.controller';
import { ApprovalQueryService } from './queries/approval-query.service';
import { MemoSearchService } from './queries/memo-search.service';
import { PrintedChainService } from './queries/printed-chain.service';
import { StaffingReader } from './staffing/staffing.reader';

@Module({
  imports: [MemoModule, RegisterModule],
  controllers: [ApprovalController, InboxController, AuditController],
  providers: [
    StaffingReader,
    ApprovalReader,
    ApprovalViewBuilder,
    IdempotencyService,
    ApprovalStateWriter,
    ApprovalCommandService,
    ApprovalQueryService,
    MemoSearchService,
    ApprovalAuditService,
    PrintedChainService,
  ],
  exports: [
    ApprovalCommandService,
    ApprovalQueryService,
    MemoSearchService,
    ApprovalAuditService,
    PrintedChainService,
    StaffingReader,
  ],
})
export class ApprovalModule implements OnModuleInit {
  constructor(
    private readonly db: DataSource,
    private readonly access: MemoAccessPolicy,
    private readonly reader: ApprovalReader,
  ) {}

  /** People on a submitted memo's route (today) or in its history may read it. */
  onModuleInit(): void {
    this.access.addReadGrant(async (user, memo) => {
      const loaded = await this.reader.load(this.db.manager, user.organisationId, memo.id);
      return loaded !== null && (await this.reader.onRoute(this.db.manager, user, loaded));
    });
  }
}
