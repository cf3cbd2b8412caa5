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
exports.RecordActivityDto = void 0;
const swagger_1 = require('@nestjs/swagger');
const field_rules_1 = require('../../validation/field-rules');
class RecordActivityDto {
  at;
}
exports.RecordActivityDto = RecordActivityDto;
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({
      example: '2025-01-31T12:00:00Z',
      ...field_rules_1.ISO_TIME_SCHEMA,
      description: 'When the shopper acted; defaults to now',
    }),
    (0, field_rules_1.Optional)(),
    (0, field_rules_1.IsIsoTime)(),
    __metadata('design:type', String),
  ],
  RecordActivityDto.prototype,
  'at',
  void 0,
);
//# sourceMappingURL=record-activity.dto.js.map
