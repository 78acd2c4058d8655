import type { INestApplication } from '@nestjs/common';
import request from 'supertest';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Requests to the app with a bearer token: `as('patch', url, token).send(…).expect(200)`. */
export function bearerHttp(app: INestApplication) {
  return (method: HttpMethod, url: string, token: string): request.Test =>
    request(app.getHttpServer())[method](url).auth(token, { type: 'bearer' });
}
