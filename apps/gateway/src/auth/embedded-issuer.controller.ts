import { Body, Controller, Get, Headers, HttpCode, Post, Res, type Type } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { EmbeddedIssuer, TokenRequestError } from './embedded-issuer.js';

/** Serves the embedded issuer under Keycloak's paths (`/realms/<realm>/…`), so clients need no change. */
export function embeddedIssuerController(realm: string): Type<unknown> {
  @ApiExcludeController()
  @Controller(`realms/${realm}`)
  class EmbeddedIssuerController {
    constructor(readonly issuer: EmbeddedIssuer) {}

    @Get('.well-known/openid-configuration')
    discovery() {
      return this.issuer.discovery();
    }

    @Get('protocol/openid-connect/certs')
    certs() {
      return this.issuer.jwks();
    }

    @Post('protocol/openid-connect/token')
    @HttpCode(200)
    async token(@Body() form: Record<string, string>, @Headers('authorization') auth: string | undefined, @Res({ passthrough: true }) res: Response) {
      res.setHeader('Cache-Control', 'no-store');
      try {
        return await this.issuer.token(typeof form === 'object' && form ? form : {}, basicCredentials(auth));
      } catch (error) {
        if (!(error instanceof TokenRequestError)) throw error;
        res.status(error.status);
        return { error: error.error, error_description: error.description };
      }
    }
  }
  return EmbeddedIssuerController;
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic (.+)$/.exec(header ?? '');
  if (!match) return undefined;
  const [id, ...rest] = Buffer.from(match[1], 'base64').toString().split(':');
  return { id: decodeURIComponent(id), secret: decodeURIComponent(rest.join(':')) };
}
