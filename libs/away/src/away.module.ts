import { Module } from '@nestjs/common';
import { AwayController } from './away.controller';
import { AwayService } from './away.service';

@Module({
  controllers: [AwayController],
  providers: [AwayService],
  exports: [AwayService],
})
export class AwayModule {}
