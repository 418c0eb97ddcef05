import { Body, Controller, Get, Headers, HttpCode, Post, Req, Res, type Type } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
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
    async token(
      @Body() form: Record<string, string>,
      @Headers('authorization') auth: string | undefined,
      @Req() req: FastifyRequest,
      @Res({ passthrough: true }) res: FastifyReply,
    ) {
      res.header('Cache-Control', 'no-store');
      try {
        // A malformed Basic header throws TokenRequestError too (answered below).
        // req.ip honours TRUST_PROXY: behind a configured proxy, the address it reports.
        return await this.issuer.token(typeof form === 'object' && form ? form : {}, basicCredentials(auth), req.ip);
      } catch (error) {
        if (!(error instanceof TokenRequestError)) throw error;
        res.code(error.status);
        if (error.retryAfterSeconds) res.header('Retry-After', String(error.retryAfterSeconds));
        return { error: error.error, error_description: error.description };
      }
    }
  }
  return EmbeddedIssuerController;
}

/** RFC 6749 §2.3.1: base64 of form-urlencoded id ":" secret. Anything else is the client's mistake (400), never a 500. */
export function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic (.+)$/i.exec(header ?? '');
  if (!match) return undefined;
  const malformed = () => new TokenRequestError(400, 'invalid_request', 'Malformed Basic client credentials');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(match[1]!)) throw malformed();
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw malformed();
  try {
    const decode = (s: string) => decodeURIComponent(s);
    return { id: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
  } catch {
    throw malformed(); // a lone "%" is not valid form encoding
  }
}
