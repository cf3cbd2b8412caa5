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
exports.ResumeController = void 0;
const common_1 = require('@nestjs/common');
const swagger_1 = require('@nestjs/swagger');
const api_key_decorators_1 = require('../http/api-key.decorators');
const html_page_1 = require('../http/html-page');
const resume_service_1 = require('./resume.service');
/** The resume button of every reminder: a signed link that redirects to the shop's checkout. */
let ResumeController = class ResumeController {
  resume;
  constructor(resume) {
    this.resume = resume;
  }
  follow(token, res) {
    const outcome = this.resume.follow(token);
    if ('redirectTo' in outcome) {
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Referrer-Policy', 'no-referrer');
      res.redirect(302, outcome.redirectTo);
      return;
    }
    (0, html_page_1.sendPage)(res, outcome);
  }
};
exports.ResumeController = ResumeController;
__decorate(
  [
    (0, common_1.Get)(':token'),
    __param(0, (0, common_1.Param)('token')),
    __param(1, (0, common_1.Res)()),
    __metadata('design:type', Function),
    __metadata('design:paramtypes', [Object, Object]),
    __metadata('design:returntype', void 0),
  ],
  ResumeController.prototype,
  'follow',
  null,
);
exports.ResumeController = ResumeController = __decorate(
  [
    (0, swagger_1.ApiExcludeController)(),
    (0, api_key_decorators_1.Public)(),
    (0, common_1.Controller)('r'),
    __metadata('design:paramtypes', [resume_service_1.ResumeService]),
  ],
  ResumeController,
);
//# sourceMappingURL=resume.controller.js.map
