import { Module } from '@nestjs/common';
import { ConfigModule } from '@saraban/config';
import { DatabaseModule } from '@saraban/database';
import { PipelineWorkerModule } from '@saraban/pipeline';
import { RedisModule } from '@saraban/redis';

/** The queue-processing process: no HTTP, same database and Redis as the API. */
@Module({
  imports: [ConfigModule, DatabaseModule, RedisModule, PipelineWorkerModule],
})
export class WorkerModule {}
