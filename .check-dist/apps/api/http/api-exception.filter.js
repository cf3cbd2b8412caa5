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
exports.ApiExceptionFilter = void 0;
const common_1 = require('@nestjs/common');
const core_1 = require('@nestjs/core');
const client_1 = require('@temporalio/client');
const common_2 = require('@temporalio/common');
const checkout_failures_1 = require('../../../common/checkout-failures');
const checkout_state_1 = require('../checkouts/checkout-state');
const correlation_id_1 = require('./correlation-id');
const loggable_url_1 = require('./loggable-url');
/** The workflow's business failures by type (common/checkout-failures.ts), as HTTP answers. */
const FAILURE_STATUS = {
  [checkout_failures_1.CHECKOUT_CLOSED]: { status: 409, error: 'Conflict' },
  [checkout_failures_1.INVALID_SCHEDULE]: { status: 400, error: 'Bad Request' },
};
// gRPC UNAVAILABLE: the Temporal frontend cannot be reached.
const GRPC_UNAVAILABLE = 14;
/** Node and PostgreSQL codes that mean the database cannot be reached right now. */
const DATABASE_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03', '08001', '08006']);
/**
 * The one place errors become responses: HTTP exceptions keep status and body, an unknown workflow
 * is a 404, a workflow's business failure is mapped by its type, an unreachable Temporal or
 * database a 503, and anything else a 500. Every error body carries the request's correlation id;
 * no stack trace or internal message ever reaches the client.
 */
let ApiExceptionFilter = class ApiExceptionFilter {
  adapterHost;
  logger = new common_1.Logger('ApiExceptionFilter');
  constructor(adapterHost) {
    this.adapterHost = adapterHost;
  }
  catch(exception, host) {
    const { httpAdapter } = this.adapterHost;
    const http = host.switchToHttp();
    const request = http.getRequest();
    const response = http.getResponse();
    const correlationId = (0, correlation_id_1.correlationIdOf)(request);
    if (!response.headersSent) response.setHeader(correlation_id_1.CORRELATION_HEADER, correlationId);
    const reply = (body, status) => httpAdapter.reply(response, { ...body, correlationId }, status);
    if (exception instanceof common_1.HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      reply(typeof body === 'string' ? { statusCode: status, message: body } : body, status);
      return;
    }
    if (exception instanceof client_1.WorkflowNotFoundError) {
      const message = `checkout ${(0, checkout_state_1.checkoutIdOf)(exception.workflowId)} not found`;
      reply({ statusCode: 404, error: 'Not Found', message }, 404);
      return;
    }
    const failure = exception instanceof client_1.WorkflowUpdateFailedError ? exception.cause : undefined;
    const mapped =
      failure instanceof common_2.ApplicationFailure && failure.type ? FAILURE_STATUS[failure.type] : undefined;
    if (failure && mapped) {
      reply({ statusCode: mapped.status, error: mapped.error, message: failure.message }, mapped.status);
      return;
    }
    const route = `${httpAdapter.getRequestMethod(request)} ${(0, loggable_url_1.loggableUrl)(httpAdapter.getRequestUrl(request))}`;
    const unavailable = unavailableDependency(exception);
    if (unavailable) {
      this.logger.warn(`${route}: ${unavailable} unavailable (correlationId ${correlationId}): ${String(exception)}`);
      const message = `${unavailable} is unavailable; try again later`;
      reply({ statusCode: 503, error: 'Service Unavailable', message }, 503);
      return;
    }
    this.logger.error(
      `${route} failed (correlationId ${correlationId})`,
      exception instanceof Error ? exception.stack : String(exception),
    );
    reply({ statusCode: 500, message: 'Internal error' }, 500);
  }
};
exports.ApiExceptionFilter = ApiExceptionFilter;
exports.ApiExceptionFilter = ApiExceptionFilter = __decorate(
  [(0, common_1.Catch)(), __metadata('design:paramtypes', [core_1.HttpAdapterHost])],
  ApiExceptionFilter,
);
/** 'Temporal' or 'the database' when the error says it cannot be reached, else undefined. */
function unavailableDependency(err) {
  for (let e = err, depth = 0; e && depth < 5; e = e.cause, depth++) {
    if ((0, client_1.isGrpcServiceError)(e) && e.code === GRPC_UNAVAILABLE) return 'Temporal';
    const code = e.code;
    if (typeof code === 'string' && DATABASE_UNAVAILABLE.has(code)) return 'the database';
  }
  return undefined;
}
//# sourceMappingURL=api-exception.filter.js.map
