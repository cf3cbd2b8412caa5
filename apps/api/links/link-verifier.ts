import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../../config/env';
import { type LinkPurpose, type LinkVerdict, verifyLink } from '../../shared/link-token';
import { APP_CONFIG } from '../app-config.token';

/** Checks the signed links of emails against every configured secret (rotation: old links keep working). */
@Injectable()
export class LinkVerifier {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  verify(token: unknown, purpose: LinkPurpose): LinkVerdict {
    return verifyLink(token, purpose, this.config.links.secrets);
  }
}
