import { Module } from '@nestjs/common';
import { OrganisationEditService } from './file/organisation-edit.service';
import { OrganisationImportService } from './file/organisation-import.service';
import { OrganisationController } from './organisation.controller';
import { OrganisationImagesController } from './organisation-images.controller';
import { OrganisationImagesService } from './organisation-images.service';
import { OrganisationDirectoryService } from './organisation-directory.service';

@Module({
  controllers: [OrganisationController, OrganisationImagesController],
  providers: [
    OrganisationDirectoryService,
    OrganisationImportService,
    OrganisationEditService,
    OrganisationImagesService,
  ],
  exports: [
    OrganisationDirectoryService,
    OrganisationImportService,
    OrganisationEditService,
    OrganisationImagesService,
  ],
})
export class OrganisationModule {}
