import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@saraban/auth';
import { ErrorBody } from '@saraban/errors';
import { AuditVerificationView } from './dto/approval-views';
import { ApprovalAuditService } from './history/approval-audit.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: ApprovalAuditService) {}

  @Get('verify')
  @Roles('admin')
  @ApiOperation({ summary: 'Recompute the organisation’s history chain and name the first broken entry' })
  @ApiOkResponse({ type: AuditVerificationView })
  @ApiForbiddenResponse({ type: ErrorBody })
  verify(@CurrentUser() user: AuthUser): Promise<AuditVerificationView> {
    return this.audit.verify(user.organisationId);
  }
}
