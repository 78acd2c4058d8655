import { Module } from '@nestjs/common';
import { MemoModule } from '@saraban/memo';
import { DeadlineTimelineController } from './timeline/deadline-timeline.controller';
import { DeadlineTimelineService } from './timeline/deadline-timeline.service';

/** The API side: a memo's deadline timeline. */
@Module({
  imports: [MemoModule],
  controllers: [DeadlineTimelineController],
  providers: [DeadlineTimelineService],
  exports: [DeadlineTimelineService],
})
export class DeadlinesApiModule {}
