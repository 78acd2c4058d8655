import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { OrganisationImportService, parseOrganisationFile } from '@saraban/organisation';

/** demo/organisation.yaml: อบต.คำพี่ (code khampee), every person's password demo-password. */
export const demoFile = readFileSync(path.join(__dirname, '../../demo/organisation.yaml'), 'utf8');

/** The first import of an organisation, the CLI's job, done through the same service. */
export function importDemoOrganisation(app: INestApplication) {
  return app.get(OrganisationImportService).import(parseOrganisationFile(demoFile));
}

/** POST /auth/login as a person of the demo organisation; `extra` fields go along in the body. */
export function demoLogin(
  app: INestApplication,
  username: string,
  password = 'demo-password',
  extra: Record<string, unknown> = {},
): request.Test {
  return request(app.getHttpServer())
    .post('/auth/login')
    .send({ organisation: 'khampee', username, password, ...extra });
}

/** POST /admin/organisation/import: an organisation file as YAML, as someone. */
export function importYamlAs(app: INestApplication, token: string, body: string): request.Test {
  return request(app.getHttpServer())
    .post('/admin/organisation/import')
    .set('Authorization', `Bearer ${token}`)
    .set('Content-Type', 'application/yaml')
    .send(body);
}
