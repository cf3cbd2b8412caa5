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
Object.defineProperty(exports, '__esModule', { value: true });
exports.ApiValidationPipe = void 0;
const common_1 = require('@nestjs/common');
const field_errors_1 = require('./field-errors');
const invalid_fields_exception_1 = require('./invalid-fields.exception');
/** The global pipe: DTOs are whitelisted, unknown fields rejected, and every error names its field. */
let ApiValidationPipe = class ApiValidationPipe extends common_1.ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: true,
      exceptionFactory: (errors) =>
        new invalid_fields_exception_1.InvalidFieldsException((0, field_errors_1.toFieldErrors)(errors)),
    });
  }
  async transform(value, metadata) {
    // Every body here is one object; an array would be validated element by element otherwise.
    if (metadata.type === 'body' && Array.isArray(value)) {
      throw new invalid_fields_exception_1.InvalidFieldsException([{ field: 'body', reason: 'must be a JSON object' }]);
    }
    try {
      return await super.transform(value, metadata);
    } catch (err) {
      // The factory cannot see where the value came from; the message should say it.
      if (err instanceof invalid_fields_exception_1.InvalidFieldsException && metadata.type !== 'body') {
        throw new invalid_fields_exception_1.InvalidFieldsException(err.errors, metadata.type);
      }
      throw err;
    }
  }
};
exports.ApiValidationPipe = ApiValidationPipe;
exports.ApiValidationPipe = ApiValidationPipe = __decorate(
  [(0, common_1.Injectable)(), __metadata('design:paramtypes', [])],
  ApiValidationPipe,
);
//# sourceMappingURL=api-validation.pipe.js.map
