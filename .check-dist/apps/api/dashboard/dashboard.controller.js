var __decorate =
  (this && this.__decorate) ||
  function (decorators, target, key, desc) {
    var c = arguments.length,
      r = c < 3 ? target : desc === null ? (desc = Object.getOwnPropertyDescriptor(target, key)) : desc,
      d;
    if (typeof Reflect === 'object' && typeof Reflect.decorate === 'function')
      r = Reflect.decorate(decorators, target, key, desc);
    else
      for (var i = decorators.length - 1; i >= 0; i--)
        if ((d = decorators[i])) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return (c > 3 && r && Object.defineProperty(target, key, r), r);
  };
var __metadata =
  (this && this.__metadata) ||
  ((k, v) => {
    if (typeof Reflect === 'object' && typeof Reflect.metadata === 'function') return Reflect.metadata(k, v);
  });
var __param =
  (this && this.__param) ||
  ((paramIndex, decorator) => (target, key) => {
    decorator(target, key, paramIndex);
  });
Object.defineProperty(exports, '__esModule', { value: true });
exports.DashboardController = void 0;
const common_1 = require('@nestjs/common');
const swagger_1 = require('@nestjs/swagger');
const app_config_token_1 = require('../app-config.token');
const api_key_decorators_1 = require('../http/api-key.decorators');
const api_key_guard_1 = require('../http/api-key.guard');
const field_rules_1 = require('../validation/field-rules');
const dashboard_service_1 = require('./dashboard.service');
const dashboard_page_1 = require('./dashboard-page');
const dashboard_session_1 = require('./dashboard-session');
function sendHtml(res, status, html) {
  // Figures of the shop's business: no shared cache keeps them.
  res.setHeader('Cache-Control', 'no-store');
  res.status(status).type('html').send(html);
}
/** A browser without the key or the cookie gets the sign-in form, not a JSON 401. */
let SignInOnUnauthorized = class SignInOnUnauthorized {
  catch(_err, host) {
    sendHtml(host.switchToHttp().getResponse(), 401, (0, dashboard_page_1.signInPage)());
  }
};
SignInOnUnauthorized = __decorate([(0, common_1.Catch)(common_1.UnauthorizedException)], SignInOnUnauthorized);
class SignInForm {
  key;
}
__decorate(
  [(0, field_rules_1.Optional)(), (0, field_rules_1.IsText)(1024), __metadata('design:type', String)],
  SignInForm.prototype,
  'key',
  void 0,
);
/** The merchant's dashboard: HTML from this API, behind the API key (or the sign-in cookie) when one is set. */
let DashboardController = class DashboardController {
  dashboard;
  config;
  constructor(dashboard, config) {
    this.dashboard = dashboard;
    this.config = config;
  }
  async page(from, to, headers, res) {
    const signedIn =
      (0, dashboard_session_1.cookieValue)(headers, dashboard_session_1.SESSION_COOKIE) !== undefined &&
      this.config.api.apiKey !== undefined;
    const { status, html } = await this.dashboard.render({ from, to }, signedIn);
    sendHtml(res, status, html);
  }
  signInForm(res) {
    if (!this.config.api.apiKey) return res.redirect(303, '/dashboard');
    sendHtml(res, 200, (0, dashboard_page_1.signInPage)());
  }
  signIn(form, res) {
    const expected = this.config.api.apiKey;
    if (!expected) return res.redirect(303, '/dashboard');
    const key = form.key ?? '';
    if (!key || !(0, api_key_guard_1.sameKey)(key, expected))
      return sendHtml(res, 401, (0, dashboard_page_1.signInPage)('That is not the API key.'));
    res.setHeader(
      'Set-Cookie',
      (0, dashboard_session_1.sessionCookie)(expected, this.config.api.publicUrl.startsWith('https:')),
    );
    res.redirect(303, '/dashboard');
  }
  signOut(res) {
    res.setHeader('Set-Cookie', (0, dashboard_session_1.clearedSessionCookie)());
    res.redirect(303, '/dashboard/sign-in');
  }
};
exports.DashboardController = DashboardController;
__decorate(
  [
    (0, common_1.Get)(),
    (0, api_key_decorators_1.AcceptsDashboardSession)(),
    (0, common_1.UseFilters)(SignInOnUnauthorized),
    __param(0, (0, common_1.Query)('from')),
    __param(1, (0, common_1.Query)('to')),
    __param(2, (0, common_1.Headers)()),
    __param(3, (0, common_1.Res)()),
    __metadata('design:type', Function),
    __metadata('design:paramtypes', [Object, Object, Object, Object]),
    __metadata('design:returntype', Promise),
  ],
  DashboardController.prototype,
  'page',
  null,
);
__decorate(
  [
    (0, common_1.Get)('sign-in'),
    (0, api_key_decorators_1.Public)(),
    __param(0, (0, common_1.Res)()),
    __metadata('design:type', Function),
    __metadata('design:paramtypes', [Object]),
    __metadata('design:returntype', void 0),
  ],
  DashboardController.prototype,
  'signInForm',
  null,
);
__decorate(
  [
    (0, common_1.Post)('sign-in'),
    (0, api_key_decorators_1.Public)(),
    (0, common_1.HttpCode)(303),
    __param(0, (0, common_1.Body)()),
    __param(1, (0, common_1.Res)()),
    __metadata('design:type', Function),
    __metadata('design:paramtypes', [SignInForm, Object]),
    __metadata('design:returntype', void 0),
  ],
  DashboardController.prototype,
  'signIn',
  null,
);
__decorate(
  [
    (0, common_1.Post)('sign-out'),
    (0, api_key_decorators_1.Public)(),
    (0, common_1.HttpCode)(303),
    __param(0, (0, common_1.Res)()),
    __metadata('design:type', Function),
    __metadata('design:paramtypes', [Object]),
    __metadata('design:returntype', void 0),
  ],
  DashboardController.prototype,
  'signOut',
  null,
);
exports.DashboardController = DashboardController = __decorate(
  [
    (0, swagger_1.ApiExcludeController)(),
    (0, common_1.Controller)('dashboard'),
    __param(1, (0, common_1.Inject)(app_config_token_1.APP_CONFIG)),
    __metadata('design:paramtypes', [dashboard_service_1.DashboardService, Object]),
  ],
  DashboardController,
);
//# sourceMappingURL=dashboard.controller.js.map
