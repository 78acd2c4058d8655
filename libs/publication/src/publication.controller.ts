import {
  Body,
  Controller,
  Get,
  Header,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Public, Roles, type AuthUser } from '@saraban/auth';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { SchemaPipe } from '@saraban/errors';
import { buildAtomFeed } from './atom-feed.util';
import { OitCatalogueDto, WithdrawPublicationDto } from './dto/oit-catalogue.dto';
import { publicationInputSchemas, type PublicationInput } from './dto/publication-input.schema';
import { PublicListingQuery } from './dto/public-listing.query';
import { OitCatalogueService, type OitItem } from './oit/oit-catalogue.service';
import type { PublicListing } from './public-listing';
import { PublicationService } from './publication.service';
import type { PublicationView } from './public-listing';

@ApiTags('publication')
@Controller()
export class PublicationController {
  constructor(
    private readonly publications: PublicationService,
    private readonly catalogue: OitCatalogueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('public/:org/documents')
  @ApiOperation({ summary: 'Published documents of an organisation, by fiscal year and open-data item' })
  list(@Param('org') org: string, @Query() query: PublicListingQuery): Promise<PublicListing> {
    return this.publications.listPublic(org, query);
  }

  @Public()
  @Get('public/:org/documents/:id')
  @ApiOperation({ summary: 'One published document and the history of its versions' })
  get(
    @Param('org') org: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<{ publication: PublicationView; history: PublicationView[] }> {
    return this.publications.getPublic(org, id);
  }

  @Public()
  @Get('public/:org/documents/:id/pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The signed PDF of a published document' })
  async pdf(
    @Param('org') org: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const { pdf, filename } = await this.publications.publicPdf(org, id);
    res.set({ 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="${filename}"` });
    res.send(pdf);
  }

  @Public()
  @Get('public/:org/feed.atom')
  @Header('Content-Type', 'application/atom+xml; charset=utf-8')
  @ApiProduces('application/atom+xml')
  @ApiOperation({ summary: 'Atom feed of published documents' })
  async feed(@Param('org') org: string): Promise<string> {
    return buildAtomFeed(await this.publications.listPublic(org, {}), this.config.PUBLIC_BASE_URL);
  }

  @Public()
  @Get('public/:org/catalogue/:fiscalYear')
  @ApiOperation({ summary: 'The open-data (OIT) catalogue of a fiscal year' })
  async publicCatalogue(
    @Param('org') org: string,
    @Param('fiscalYear', new SchemaPipe(publicationInputSchemas.fiscalYear)) fiscalYear: number,
  ): Promise<{ items: OitItem[]; isDefault: boolean }> {
    const organisation = await this.publications.organisationByCode(org);
    return this.catalogue.forYear(organisation.id, fiscalYear);
  }

  @Roles('admin')
  @Put('admin/oit-catalogue/:fiscalYear')
  @ApiBearerAuth()
  @ApiOperation({ summary: "Set the organisation's open-data catalogue for a fiscal year" })
  @ApiBody({ type: OitCatalogueDto })
  async setCatalogue(
    @CurrentUser() user: AuthUser,
    @Param('fiscalYear', new SchemaPipe(publicationInputSchemas.fiscalYear)) fiscalYear: number,
    @Body(new SchemaPipe(publicationInputSchemas.catalogue)) dto: PublicationInput<'catalogue'>,
  ): Promise<{ items: OitItem[]; isDefault: boolean }> {
    await this.catalogue.setYear(user.organisationId, fiscalYear, dto.items);
    return this.catalogue.forYear(user.organisationId, fiscalYear);
  }

  @Roles('admin')
  @Post('admin/publications/:id/withdraw')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Withdraw a published document (it stays listed as withdrawn)' })
  @ApiBody({ type: WithdrawPublicationDto })
  withdraw(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new SchemaPipe(publicationInputSchemas.withdraw)) dto: PublicationInput<'withdraw'>,
  ): Promise<PublicationView> {
    return this.publications.withdraw(user.organisationId, id, dto.reason);
  }
}
