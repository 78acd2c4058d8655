import { Module } from '@nestjs/common';
import { ApprovalModule } from '@saraban/approval';
import { AwayModule } from '@saraban/away';
import { DeadlinesApiModule } from '@saraban/deadlines';
import { AuthModule } from '@saraban/auth';
import { CertificatesModule } from '@saraban/certificates';
import { ConfigModule } from '@saraban/config';
import { DatabaseModule } from '@saraban/database';
import { HealthModule } from '@saraban/health';
import { LoggingModule } from '@saraban/logging';
import { MemoModule } from '@saraban/memo';
import { NotificationApiModule } from '@saraban/notification';
import { OrganisationModule } from '@saraban/organisation';
import { PipelineApiModule } from '@saraban/pipeline';
import { PublicationModule } from '@saraban/publication';
import { RedisModule } from '@saraban/redis';
import { RegisterModule } from '@saraban/register';
import { WebModule } from '@saraban/web';

@Module({
  imports: [
    ConfigModule,
    // First: pino-http's request id and line wrap every route below.
    LoggingModule.forRoot({ service: 'saraban-api' }),
    DatabaseModule,
    RedisModule,
    AuthModule,
    HealthModule,
    OrganisationModule,
    // Before MemoModule: GET /memos/sent must be routed before the memo controller's GET /memos/:id.
    ApprovalModule,
    DeadlinesApiModule,
    AwayModule,
    MemoModule,
    RegisterModule,
    PublicationModule,
    CertificatesModule,
    PipelineApiModule,
    NotificationApiModule,
    // Last: the browser pages under /app sit on top of the API modules above.
    WebModule,
  ],
})
export class ApiModule {}
