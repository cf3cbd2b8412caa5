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
exports.HealthController = void 0;
const common_1 = require('@nestjs/common');
const swagger_1 = require('@nestjs/swagger');
const api_key_decorators_1 = require('../http/api-key.decorators');
const health_service_1 = require('./health.service');
class TemporalHealthBody {
  status;
  namespace;
  reason;
}
__decorate(
  [(0, swagger_1.ApiProperty)({ enum: ['up', 'down'] }), __metadata('design:type', String)],
  TemporalHealthBody.prototype,
  'status',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 'default' }), __metadata('design:type', String)],
  TemporalHealthBody.prototype,
  'namespace',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiPropertyOptional)({ description: 'Why it is down' }), __metadata('design:type', String)],
  TemporalHealthBody.prototype,
  'reason',
  void 0,
);
class DatabaseHealthBody {
  status;
  reason;
}
__decorate(
  [
    (0, swagger_1.ApiProperty)({ enum: ['up', 'down', 'none'], description: '`none`: no database (development only)' }),
    __metadata('design:type', String),
  ],
  DatabaseHealthBody.prototype,
  'status',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiPropertyOptional)({ description: 'Why it is down' }), __metadata('design:type', String)],
  DatabaseHealthBody.prototype,
  'reason',
  void 0,
);
class HealthBody {
  status;
  temporal;
  database;
  correlationId;
}
__decorate(
  [(0, swagger_1.ApiProperty)({ enum: ['ok', 'down'] }), __metadata('design:type', String)],
  HealthBody.prototype,
  'status',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ type: TemporalHealthBody }), __metadata('design:type', TemporalHealthBody)],
  HealthBody.prototype,
  'temporal',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ type: DatabaseHealthBody }), __metadata('design:type', DatabaseHealthBody)],
  HealthBody.prototype,
  'database',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiPropertyOptional)({ description: 'On 503, as on every error' }), __metadata('design:type', String)],
  HealthBody.prototype,
  'correlationId',
  void 0,
);
class LiveBody {
  status;
}
__decorate(
  [(0, swagger_1.ApiProperty)({ enum: ['ok'] }), __metadata('design:type', String)],
  LiveBody.prototype,
  'status',
  void 0,
);
let HealthController = class HealthController {
  health;
  constructor(health) {
    this.health = health;
  }
  // Liveness asks nothing of Temporal or the database: a blip there must not restart every API pod.
  live() {
    return { status: 'ok' };
  }
  ready() {
    return this.health.ready();
  }
  check() {
    return this.health.ready();
  }
};
exports.HealthController = HealthController;
__decorate(
  [
    (0, common_1.Get)('live'),
    (0, swagger_1.ApiOperation)({
      summary: 'Liveness: the process serves HTTP; no dependency is asked; no API key needed',
    }),
    (0, swagger_1.ApiResponse)({ status: 200, type: LiveBody }),
    __metadata('design:type', Function),
    __metadata('design:paramtypes', []),
    __metadata('design:returntype', Object),
  ],
  HealthController.prototype,
  'live',
  null,
);
__decorate(
  [
    (0, common_1.Get)('ready'),
    (0, swagger_1.ApiOperation)({ summary: 'Readiness: Temporal and the database answer; no API key needed' }),
    (0, swagger_1.ApiResponse)({ status: 200, type: HealthBody, description: 'Temporal and the database answered' }),
    (0, swagger_1.ApiResponse)({
      status: 503,
      type: HealthBody,
      description: 'Temporal or the database did not answer',
    }),
    __metadata('design:type', Function),
    __metadata('design:paramtypes', []),
    __metadata('design:returntype', Promise),
  ],
  HealthController.prototype,
  'ready',
  null,
);
__decorate(
  [
    (0, common_1.Get)(),
    (0, swagger_1.ApiOperation)({ summary: 'The same as /health/ready (kept for existing probes)' }),
    (0, swagger_1.ApiResponse)({ status: 200, type: HealthBody, description: 'Temporal and the database answered' }),
    (0, swagger_1.ApiResponse)({
      status: 503,
      type: HealthBody,
      description: 'Temporal or the database did not answer',
    }),
    __metadata('design:type', Function),
    __metadata('design:paramtypes', []),
    __metadata('design:returntype', Promise),
  ],
  HealthController.prototype,
  'check',
  null,
);
exports.HealthController = HealthController = __decorate(
  [
    (0, swagger_1.ApiTags)('health'),
    (0, api_key_decorators_1.Public)(),
    (0, common_1.Controller)('health'),
    __metadata('design:paramtypes', [health_service_1.HealthService]),
  ],
  HealthController,
);
//# sourceMappingURL=health.controller.js.map
