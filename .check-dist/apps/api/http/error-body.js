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
exports.ErrorBody = exports.FieldErrorBody = void 0;
// The one error body every route answers with (api-exception.filter.ts, the rate limit, the 405),
// as the OpenAPI document states it for every error status.
const swagger_1 = require('@nestjs/swagger');
class FieldErrorBody {
  field;
  reason;
}
exports.FieldErrorBody = FieldErrorBody;
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 'cart.items[0].quantity' }), __metadata('design:type', String)],
  FieldErrorBody.prototype,
  'field',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 'must be >= 1' }), __metadata('design:type', String)],
  FieldErrorBody.prototype,
  'reason',
  void 0,
);
class ErrorBody {
  statusCode;
  error;
  message;
  errors;
  correlationId;
}
exports.ErrorBody = ErrorBody;
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 400 }), __metadata('design:type', Number)],
  ErrorBody.prototype,
  'statusCode',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiPropertyOptional)({ example: 'Bad Request' }), __metadata('design:type', String)],
  ErrorBody.prototype,
  'error',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 'Invalid request body' }), __metadata('design:type', String)],
  ErrorBody.prototype,
  'message',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({ type: [FieldErrorBody], description: 'Input errors (400): one per field' }),
    __metadata('design:type', Array),
  ],
  ErrorBody.prototype,
  'errors',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({
      example: '1b4e28ba-2fa1-11d2-883f-0016d3cca427',
      description: 'Also the x-correlation-id header',
    }),
    __metadata('design:type', String),
  ],
  ErrorBody.prototype,
  'correlationId',
  void 0,
);
//# sourceMappingURL=error-body.js.map
