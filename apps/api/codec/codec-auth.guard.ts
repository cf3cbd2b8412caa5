import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { AppConfig } from '../../../config/env';
import { APP_CONFIG } from '../app-config.token';
import { bearerToken, type Headers, sameKey } from '../http/api-key.guard';

/**
 * The codec's own credential, CODEC_AUTH_TOKEN, as `Authorization: Bearer` (what the CLI's
 * --codec-auth and a UI that passes a token send). Never the API key: a browser would need it.
 * Unset: the codec listener's address is its only guard, like the metrics listener's.
 */
@Injectable()
export class CodecAuthGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const expected = this.config.codec.authToken;
    if (!expected) return true;
    const presented = bearerToken(context.switchToHttp().getRequest<{ headers: Headers }>().headers);
    if (presented !== undefined && sameKey(presented, expected)) return true;
    throw new UnauthorizedException('missing or wrong codec token: send Authorization: Bearer <CODEC_AUTH_TOKEN>');
  }
}
