import { Controller, Get, Header, Param, Post, Req, type RawBodyRequest } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUser, Public, Roles, type AuthUser } from '@saraban/auth';
import { AppException, ErrorCode } from '@saraban/errors';
import { exportOrganisationFile } from './file/export-organisation-file.util';
import { OrganisationImportService } from './file/organisation-import.service';
import { OrganisationImportSummary } from './file/organisation-import-summary';
import { parseOrganisationFile } from './file/parse-organisation-file.util';
import { OrganisationDirectoryService } from './organisation-directory.service';
import type { OrganisationDirectory } from './organisation-directory.view';

@ApiTags('organisation')
@Controller()
export class OrganisationController {
  constructor(
    private readonly directoryService: OrganisationDirectoryService,
    private readonly importer: OrganisationImportService,
  ) {}

  @Public()
  @Get('organisations/:code')
  @ApiOperation({ summary: 'Public name of an organisation (sign-in page, portal)' })
  async publicInfo(@Param('code') code: string): Promise<{ code: string; name: string }> {
    const org = await this.directoryService.byCode(code);
    return { code: org.code, name: org.name };
  }

  @Get('organisation')
  @ApiBearerAuth()
  @ApiOperation({ summary: "The caller's organisation: units, positions, people, chains, acting orders" })
  async directory(@CurrentUser() user: AuthUser): Promise<OrganisationDirectory> {
    const d = await this.directoryService.directory(user.organisationId);
    // Usernames and roles are for administrators only.
    if (user.roles.includes('admin')) return d;
    return { ...d, people: d.people.map((p) => ({ ...p, username: '', roles: [] })) };
  }

  @Roles('admin')
  @Get('admin/organisation/file')
  @ApiBearerAuth()
  @Header('Content-Type', 'application/yaml; charset=utf-8')
  @ApiProduces('application/yaml')
  @ApiOperation({ summary: 'Export the organisation as its YAML file (no passwords)' })
  async exportFile(@CurrentUser() user: AuthUser): Promise<string> {
    return exportOrganisationFile(await this.directoryService.toFile(user.organisationId));
  }

  @Roles('admin')
  @Post('admin/organisation/import')
  @ApiBearerAuth()
  @ApiConsumes('application/yaml', 'application/json')
  @ApiBody({
    description: 'The organisation file (docs/organisation-file.md), YAML or JSON',
    schema: { type: 'string' },
  })
  @ApiOkResponse({ type: OrganisationImportSummary })
  @ApiOperation({
    summary:
      "Import the caller's organisation file: idempotent, all or nothing; errors name the field and line",
  })
  async importFile(
    @CurrentUser() user: AuthUser,
    @Req() req: RawBodyRequest<Request>,
  ): Promise<OrganisationImportSummary> {
    const source = typeof req.body === 'string' ? req.body : req.rawBody?.toString('utf8');
    if (!source)
      throw new AppException(ErrorCode.ValidationFailed, [{ field: '(body)', problems: ['empty'] }]);
    const file = parseOrganisationFile(source);
    if (file.organisation.code !== user.organisationCode) {
      throw new AppException(ErrorCode.Forbidden, { organisation: file.organisation.code });
    }
    return this.importer.import(file, { onlyOrganisationId: user.organisationId });
  }
}
