import { Module } from '@nestjs/common';
import { SessionService } from './session.service';

/** The sessions table's owner, without the HTTP side (guards, controllers): the worker cleans it up. */
@Module({
  providers: [SessionService],
  exports: [SessionService],
})
export class SessionModule {}
