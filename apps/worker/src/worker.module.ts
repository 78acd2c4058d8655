import { Module } from '@nestjs/common';
import { ConfigModule } from '@saraban/config';
import { DatabaseModule } from '@saraban/database';
import { DeadlinesWorkerModule } from '@saraban/deadlines';
import { HealthModule } from '@saraban/health';
import { NotificationWorkerModule } from '@saraban/notification';
import { PipelineWorkerModule } from '@saraban/pipeline';
import { RedisModule } from '@saraban/redis';

/** The queue-processing process: same database and Redis as the API; HTTP only for its health (WORKER_HEALTH_PORT). */
@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    RedisModule,
    HealthModule,
    PipelineWorkerModule,
    NotificationWorkerModule,
    DeadlinesWorkerModule,
  ],
})
export class WorkerModule {}
