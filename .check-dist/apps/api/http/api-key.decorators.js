Object.defineProperty(exports, '__esModule', { value: true });
exports.ApiKeyProtected =
  exports.AcceptsDashboardSession =
  exports.ACCEPTS_DASHBOARD_SESSION =
  exports.Public =
  exports.BEARER_SCHEME =
  exports.API_KEY_SCHEME =
  exports.IS_PUBLIC =
    void 0;
const common_1 = require('@nestjs/common');
const swagger_1 = require('@nestjs/swagger');
exports.IS_PUBLIC = 'isPublic';
exports.API_KEY_SCHEME = 'api-key';
exports.BEARER_SCHEME = 'bearer';
/** Reachable without the API key (health checks, links in emails). */
const Public = () => (0, common_1.SetMetadata)(exports.IS_PUBLIC, true);
exports.Public = Public;
exports.ACCEPTS_DASHBOARD_SESSION = 'acceptsDashboardSession';
/** The dashboard's pages: the sign-in cookie (dashboard/dashboard-session.ts) is accepted beside the API key. */
const AcceptsDashboardSession = () => (0, common_1.SetMetadata)(exports.ACCEPTS_DASHBOARD_SESSION, true);
exports.AcceptsDashboardSession = AcceptsDashboardSession;
/** Documents that the routes need the API key when one is configured. */
const ApiKeyProtected = () =>
  (0, common_1.applyDecorators)(
    (0, swagger_1.ApiSecurity)(exports.API_KEY_SCHEME),
    (0, swagger_1.ApiBearerAuth)(exports.BEARER_SCHEME),
    (0, swagger_1.ApiUnauthorizedResponse)({ description: 'API_KEY is set and the request lacks it' }),
  );
exports.ApiKeyProtected = ApiKeyProtected;
//# sourceMappingURL=api-key.decorators.js.map
