import { Module } from '@nestjs/common';
import { OitCatalogueService } from './oit/oit-catalogue.service';
import { PublicationController } from './publication.controller';
import { PublicationService } from './publication.service';
import { VerificationController } from './verification.controller';
import { VerificationService } from './verification.service';

@Module({
  controllers: [PublicationController, VerificationController],
  providers: [PublicationService, OitCatalogueService, VerificationService],
  exports: [PublicationService, OitCatalogueService, VerificationService],
})
export class PublicationModule {}
