import { createHash, timingSafeEqual } from 'node:crypto';
import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AppConfig } from '../../../config/env';
import { APP_CONFIG } from '../app-config.token';
import { IS_PUBLIC } from './api-key.decorators';

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

/** When API_KEY is set, every route not marked @Public() needs `x-api-key` or `Authorization: Bearer`. */
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
    const presented = presentedKey(context.switchToHttp().getRequest<{ headers: Headers }>().headers);
    if (presented !== undefined && sameKey(presented, expected)) return true;
    throw new UnauthorizedException('missing or wrong API key: send x-api-key or Authorization: Bearer');
  }
}
