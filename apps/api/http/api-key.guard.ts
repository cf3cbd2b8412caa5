import { createHash, timingSafeEqual } from 'node:crypto';
import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AppConfig } from '../../../config/env';
import { APP_CONFIG } from '../app-config.token';
import { cookieValue, SESSION_COOKIE, sessionToken } from '../dashboard/dashboard-session';
import { ACCEPTS_DASHBOARD_SESSION, IS_PUBLIC } from './api-key.decorators';

export type Headers = Record<string, string | string[] | undefined>;

export function bearerToken(headers: Headers): string | undefined {
  return /^Bearer\s+(.+)$/i.exec(String(headers.authorization ?? ''))?.[1]?.trim();
}

function presentedKey(headers: Headers): string | undefined {
  const direct = headers['x-api-key'];
  return typeof direct === 'string' ? direct : bearerToken(headers);
}

/** Compares digests so neither the key's content nor its length leaks through timing. */
export function sameKey(presented: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

/**
 * When API_KEY is set, every route not marked @Public() needs `x-api-key` or `Authorization: Bearer`;
 * a route marked @AcceptsDashboardSession() also takes the dashboard's sign-in cookie.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const expected = this.config.api.apiKey;
    if (!expected) return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const { headers } = context.switchToHttp().getRequest<{ headers: Headers }>();
    const presented = presentedKey(headers);
    if (presented !== undefined && sameKey(presented, expected)) return true;
    // Only where a route asks for it, and only a token derived from the current key: fail closed.
    if (
      this.reflector.getAllAndOverride<boolean>(ACCEPTS_DASHBOARD_SESSION, [context.getHandler(), context.getClass()])
    ) {
      const session = cookieValue(headers, SESSION_COOKIE);
      if (session !== undefined && sameKey(session, sessionToken(expected))) return true;
    }
    throw new UnauthorizedException('missing or wrong API key: send x-api-key or Authorization: Bearer');
  }
}
