import { Module } from '@nestjs/common';
import { NotificationQueueService } from './queue/notification-queue.service';

/** The notification queue's producer: the outbox relay hands events over through it. */
@Module({ providers: [NotificationQueueService], exports: [NotificationQueueService] })
export class NotificationQueueModule {}
