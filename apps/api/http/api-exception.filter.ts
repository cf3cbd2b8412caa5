import type { IncomingMessage, ServerResponse } from 'node:http';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { isGrpcServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { CHECKOUT_CLOSED, INVALID_SCHEDULE } from '../../../common/checkout-failures';
import { checkoutIdOf } from '../checkouts/checkout-state';
import { CORRELATION_HEADER, correlationIdOf } from './correlation-id';
import { loggableUrl } from './loggable-url';

/** The workflow's business failures by type (common/checkout-failures.ts), as HTTP answers. */
const FAILURE_STATUS: Record<string, { status: number; error: string }> = {
  [CHECKOUT_CLOSED]: { status: 409, error: 'Conflict' },
  [INVALID_SCHEDULE]: { status: 400, error: 'Bad Request' },
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
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const { httpAdapter } = this.adapterHost;
    const http = host.switchToHttp();
    const request = http.getRequest<IncomingMessage>();
    const response = http.getResponse<ServerResponse>();
    const correlationId = correlationIdOf(request);
    if (!response.headersSent) response.setHeader(CORRELATION_HEADER, correlationId);
    const reply = (body: Record<string, unknown>, status: number) =>
      httpAdapter.reply(response, { ...body, correlationId }, status);

    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      reply(
        typeof body === 'string' ? { statusCode: status, message: body } : (body as Record<string, unknown>),
        status,
      );
      return;
    }
    if (exception instanceof WorkflowNotFoundError) {
      const message = `checkout ${checkoutIdOf(exception.workflowId)} not found`;
      reply({ statusCode: 404, error: 'Not Found', message }, 404);
      return;
    }
    const failure = exception instanceof WorkflowUpdateFailedError ? exception.cause : undefined;
    const mapped = failure instanceof ApplicationFailure && failure.type ? FAILURE_STATUS[failure.type] : undefined;
    if (failure && mapped) {
      reply({ statusCode: mapped.status, error: mapped.error, message: failure.message }, mapped.status);
      return;
    }
    const route = `${httpAdapter.getRequestMethod(request)} ${loggableUrl(httpAdapter.getRequestUrl(request))}`;
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
}

/** 'Temporal' or 'the database' when the error says it cannot be reached, else undefined. */
function unavailableDependency(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (isGrpcServiceError(e) && e.code === GRPC_UNAVAILABLE) return 'Temporal';
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && DATABASE_UNAVAILABLE.has(code)) return 'the database';
  }
  return undefined;
}
