import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';

export const IS_PUBLIC = 'isPublic';
export const API_KEY_SCHEME = 'api-key';
export const BEARER_SCHEME = 'bearer';

/** Reachable without the API key (health checks, links in emails). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Documents that the routes need the API key when one is configured. */
export const ApiKeyProtected = () =>
  applyDecorators(
    ApiSecurity(API_KEY_SCHEME),
    ApiBearerAuth(BEARER_SCHEME),
    ApiUnauthorizedResponse({ description: 'API_KEY is set and the request lacks it' }),
  );
