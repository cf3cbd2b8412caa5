import { randomUUID } from 'node:crypto';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { WorkflowNotFoundError } from '@temporalio/client';
import { checkoutIdOf } from '../checkouts/checkout-state';
import { loggableUrl } from './loggable-url';

/**
 * The one place errors become responses: HTTP exceptions keep status and body, an unknown workflow
 * is a 404, and anything else a 500 with a correlation id to find the logged error by. No stack
 * trace or internal message ever reaches the client.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const { httpAdapter } = this.adapterHost;
    const http = host.switchToHttp();
    const response = http.getResponse<unknown>();
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      httpAdapter.reply(response, typeof body === 'string' ? { statusCode: status, message: body } : body, status);
      return;
    }
    if (exception instanceof WorkflowNotFoundError) {
      const message = `checkout ${checkoutIdOf(exception.workflowId)} not found`;
      httpAdapter.reply(response, { statusCode: 404, error: 'Not Found', message }, 404);
      return;
    }
    const correlationId = randomUUID();
    const request = http.getRequest<unknown>();
    const route = `${httpAdapter.getRequestMethod(request)} ${loggableUrl(httpAdapter.getRequestUrl(request))}`;
    this.logger.error(
      `${route} failed (correlationId ${correlationId})`,
      exception instanceof Error ? exception.stack : String(exception),
    );
    httpAdapter.reply(response, { statusCode: 500, message: 'Internal error', correlationId }, 500);
  }
}
