import { Module } from '@nestjs/common';
import { OitCatalogueService } from './oit/oit-catalogue.service';
import { PublicationController } from './publication.controller';
import { PublicationService } from './publication.service';

@Module({
  controllers: [PublicationController],
  providers: [PublicationService, OitCatalogueService],
  exports: [PublicationService, OitCatalogueService],
})
export class PublicationModule {}
