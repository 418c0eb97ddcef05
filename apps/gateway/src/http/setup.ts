import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { CORRELATION_HEADER, sanitizeCorrelationId } from '@govdisc/service-kit';
import type { AppConfig } from '../config/env.js';

/** HTTP hardening and docs shared by main.ts and the tests. */
export function configureGateway(app: INestApplication, config: AppConfig): void {
  const express = app as NestExpressApplication;
  // First middleware: the request id exists before body parsing, so even a bad-JSON 400 carries it.
  app.use((req: Request & { id?: string }, _res: Response, next: NextFunction) => {
    req.id ??= sanitizeCorrelationId(req.headers[CORRELATION_HEADER]) ?? randomUUID();
    next();
  });
  express.useBodyParser('json', { limit: config.BODY_LIMIT });
  express.useBodyParser('urlencoded', { extended: false, limit: '16kb' }); // the embedded issuer's token endpoint
  // X-Forwarded-For is believed only from the proxies named in TRUST_PROXY (default none): otherwise
  // any client could pick the address its rate limit and sign-in lockout are counted under.
  express.set('trust proxy', config.TRUST_PROXY.length ? config.TRUST_PROXY : false);
  // One spelling per route: /API/v1/… is a 404 like any unknown path, so no guard can be passed by
  // a variant the router would still accept. The router may already exist (Nest touches it early).
  express.set('case sensitive routing', true);
  (express.getHttpAdapter().getInstance() as unknown as { router: { caseSensitive: boolean } }).router.caseSensitive = true;
  express.disable('x-powered-by');
  app.use(helmet({ contentSecurityPolicy: false }));
  app.use(contentSecurityPolicy(config));
  app.enableCors({ origin: config.CORS_ORIGINS.length ? config.CORS_ORIGINS : false });
  const doc = new DocumentBuilder()
    .setTitle('政务公开平台 API · Government information disclosure platform')
    .setDescription(
      'Policy library, Q&A, service guides, information-disclosure requests and notifications. ' +
        'Every error has the body `{ code, message, details?, requestId }`.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Access token from Keycloak (or the embedded issuer)' })
    .addOAuth2({
      type: 'oauth2',
      description: 'Demo logins: citizen1 / demo-citizen1, editor1 / demo-editor1, … (client id govdisc-web)',
      flows: { password: { tokenUrl: `${config.issuerBaseUrl}/realms/${config.KEYCLOAK_REALM}/protocol/openid-connect/token`, scopes: {} } },
    })
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, doc), {
    jsonDocumentUrl: 'docs/openapi.json',
    swaggerOptions: { persistAuthorization: true, initOAuth: { clientId: 'govdisc-web' } },
  });
}

/** The JSON API needs nothing from a browser; the docs page (swagger-ui) needs its own scripts, inline styles and the issuer's token URL. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

function docsCsp(config: AppConfig): string {
  const issuerOrigin = new URL(config.issuerBaseUrl).origin;
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ${issuerOrigin}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function contentSecurityPolicy(config: AppConfig) {
  const docs = docsCsp(config);
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', req.path === '/docs' || req.path.startsWith('/docs/') ? docs : API_CSP);
    next();
  };
}
