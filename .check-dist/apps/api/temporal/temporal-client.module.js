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
exports.TemporalClientModule = void 0;
exports.temporalClientModule = temporalClientModule;
const common_1 = require('@nestjs/common');
const client_1 = require('@temporalio/client');
const CLOSE_ON_SHUTDOWN = 'CloseTemporalClientOnShutdown';
/** Closes the Temporal connection with the app, but only when the app was given ownership of it. */
let TemporalConnectionCloser = class TemporalConnectionCloser {
  client;
  closeOnShutdown;
  logger = new common_1.Logger('Temporal');
  constructor(client, closeOnShutdown) {
    this.client = client;
    this.closeOnShutdown = closeOnShutdown;
  }
  async onApplicationShutdown() {
    if (!this.closeOnShutdown) return;
    await this.client.connection.close();
    this.logger.log('Temporal connection closed');
  }
};
TemporalConnectionCloser = __decorate(
  [
    (0, common_1.Injectable)(),
    __param(1, (0, common_1.Inject)(CLOSE_ON_SHUTDOWN)),
    __metadata('design:paramtypes', [client_1.Client, Boolean]),
  ],
  TemporalConnectionCloser,
);
let TemporalClientModule = class TemporalClientModule {};
exports.TemporalClientModule = TemporalClientModule;
exports.TemporalClientModule = TemporalClientModule = __decorate(
  [(0, common_1.Global)(), (0, common_1.Module)({})],
  TemporalClientModule,
);
/**
 * Provides the Temporal Client made by the caller. main.ts hands ownership over (closeOnShutdown);
 * tests pass their test environment's client and close it themselves.
 */
function temporalClientModule(client, closeOnShutdown) {
  return {
    module: TemporalClientModule,
    providers: [
      { provide: client_1.Client, useValue: client },
      { provide: CLOSE_ON_SHUTDOWN, useValue: closeOnShutdown },
      TemporalConnectionCloser,
    ],
    exports: [client_1.Client],
  };
}
//# sourceMappingURL=temporal-client.module.js.map
