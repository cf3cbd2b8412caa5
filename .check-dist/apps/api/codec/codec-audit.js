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
Object.defineProperty(exports, '__esModule', { value: true });
exports.CodecAudit = void 0;
const common_1 = require('@nestjs/common');
// One line per decode: each one shows customer data to someone, so each one is on record.
let CodecAudit = class CodecAudit {
  logger = new common_1.Logger('CodecAudit');
  decoded(call) {
    const who = [
      `from ${call.remoteAddress ?? 'unknown'}`,
      call.origin && `origin ${oneLine(call.origin)}`,
      call.namespace && `namespace ${oneLine(call.namespace)}`,
    ].filter(Boolean);
    const failed = call.failed > 0 ? `, ${call.failed} refused` : '';
    this.logger.log(`decode of ${call.payloads} payloads (${call.encrypted} encrypted${failed}) ${who.join(', ')}`);
  }
};
exports.CodecAudit = CodecAudit;
exports.CodecAudit = CodecAudit = __decorate([(0, common_1.Injectable)()], CodecAudit);
// Header values are the caller's: bounded and on one line, so they cannot forge log lines.
const oneLine = (value) => JSON.stringify(value.slice(0, 200));
//# sourceMappingURL=codec-audit.js.map
