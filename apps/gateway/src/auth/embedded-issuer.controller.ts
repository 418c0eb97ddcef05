import { Body, Controller, Get, Headers, HttpCode, Post, Query, Req, Res, type Type } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type AuthorizationOutcome, EmbeddedIssuer, TokenRequestError } from './embedded-issuer.js';
import { loginPage, messagePage, pageCsp } from './embedded-issuer-pages.js';

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

    /** The authorization endpoint: the login page (GET) and the login form's answer (POST). */
    @Get('protocol/openid-connect/auth')
    authorize(@Query() query: Record<string, unknown>, @Res() res: FastifyReply) {
      return answer(res, this.issuer.authorize(query ?? {}), `/realms/${realm}/protocol/openid-connect/auth`);
    }

    @Post('protocol/openid-connect/auth')
    login(@Body() form: Record<string, unknown>, @Req() req: FastifyRequest, @Res() res: FastifyReply) {
      const body = typeof form === 'object' && form ? form : {};
      return answer(res, this.issuer.login(body, req.ip), `/realms/${realm}/protocol/openid-connect/auth`);
    }

    /** RP-initiated logout: back to the app when it registered the address, else a signed-out page. */
    @Get('protocol/openid-connect/logout')
    async logout(@Query() query: Record<string, unknown>, @Res() res: FastifyReply) {
      const location = await this.issuer.endSession(query ?? {});
      res.header('Cache-Control', 'no-store');
      if (location) return res.code(302).header('Location', location).send();
      res.header('Content-Security-Policy', pageCsp());
      return res.code(200).type('text/html; charset=utf-8').send(messagePage('已退出登录', '您已安全退出。可以关闭此页面。'));
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

function answer(res: FastifyReply, outcome: AuthorizationOutcome, action: string) {
  // The page holds a form with the request in it: never cached, never framed.
  res.header('Cache-Control', 'no-store').header('X-Frame-Options', 'DENY');
  if (outcome.kind === 'redirect') return res.code(302).header('Location', outcome.location).send();
  res
    .type('text/html; charset=utf-8')
    .header('Content-Security-Policy', pageCsp(outcome.kind === 'login' ? outcome.request.redirect_uri : undefined));
  if (outcome.kind === 'error') return res.code(outcome.status).send(messagePage('无法登录', outcome.messageZh));
  return res.code(outcome.status).send(loginPage(outcome.request, { errorZh: outcome.errorZh, username: outcome.username, action }));
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
