import { Module } from '@nestjs/common';
import { OrganisationImportService } from './file/organisation-import.service';
import { OrganisationController } from './organisation.controller';
import { OrganisationImagesController } from './organisation-images.controller';
import { OrganisationImagesService } from './organisation-images.service';
import { OrganisationDirectoryService } from './organisation-directory.service';

@Module({
  controllers: [OrganisationController, OrganisationImagesController],
  providers: [OrganisationDirectoryService, OrganisationImportService, OrganisationImagesService],
  exports: [OrganisationDirectoryService, OrganisationImportService, OrganisationImagesService],
})
export class OrganisationModule {}
