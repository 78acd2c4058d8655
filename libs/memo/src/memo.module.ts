import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { MemoWriter } from './internal/memo-writer.service';
import { MemoAccessPolicy } from './memo-access.policy';
import { MemoAttachmentController } from './memo-attachment.controller';
import { MemoAttachmentService } from './memo-attachment.service';
import { MemoDraftService } from './memo-draft.service';
import { MemoController } from './memo.controller';
import { PdfUploadErrorsInterceptor } from './pdf-upload-errors.interceptor';

@Module({
  imports: [
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      // Memory storage (no `dest`): the bytes are sniffed, hashed and stored in PostgreSQL.
      useFactory: (config: AppConfig) => ({
        limits: { fileSize: config.ATTACHMENT_MAX_BYTES, files: 1, fields: 5, fieldSize: 16 * 1024 },
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [MemoController, MemoAttachmentController],
  providers: [
    MemoAccessPolicy,
    MemoWriter,
    MemoDraftService,
    MemoAttachmentService,
    PdfUploadErrorsInterceptor,
  ],
  exports: [MemoAccessPolicy, MemoDraftService, MemoAttachmentService],
})
export class MemoModule {}
