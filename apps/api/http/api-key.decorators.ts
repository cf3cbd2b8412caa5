import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';

export const IS_PUBLIC = 'isPublic';
export const API_KEY_SCHEME = 'api-key';
export const BEARER_SCHEME = 'bearer';

/** Reachable without the API key (health checks, links in emails). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const ACCEPTS_DASHBOARD_SESSION = 'acceptsDashboardSession';

/** The dashboard's pages: the sign-in cookie (dashboard/dashboard-session.ts) is accepted beside the API key. */
export const AcceptsDashboardSession = () => SetMetadata(ACCEPTS_DASHBOARD_SESSION, true);

/** Documents that the routes need the API key when one is configured. */
export const ApiKeyProtected = () =>
  applyDecorators(
    ApiSecurity(API_KEY_SCHEME),
    ApiBearerAuth(BEARER_SCHEME),
    ApiUnauthorizedResponse({ description: 'API_KEY is set and the request lacks it' }),
  );
