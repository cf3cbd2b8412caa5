import { BadRequestException, UnprocessableEntityException } from '@nestjs/common';
import type { FieldError } from '../../../common/schedule';

const MESSAGES = {
  body: 'Invalid request body',
  param: 'Invalid path parameter',
  query: 'Invalid query parameter',
  custom: 'Invalid request',
} as const;

export type InputLocation = keyof typeof MESSAGES;

/** The one 400 shape for input errors: `{ statusCode, error, message, errors: [{ field, reason }] }`. */
export class InvalidFieldsException extends BadRequestException {
  constructor(
    readonly errors: FieldError[],
    readonly location: InputLocation = 'body',
  ) {
    super({ statusCode: 400, error: 'Bad Request', message: MESSAGES[location], errors });
  }
}

/**
 * Well-formed input naming something that is not there for this caller (a saved address of another
 * customer, a provider not configured): 422, in the same `errors` shape as a 400.
 */
export class UnusableFieldsException extends UnprocessableEntityException {
  constructor(readonly errors: FieldError[]) {
    super({ statusCode: 422, error: 'Unprocessable Entity', message: 'The request names what cannot be used', errors });
  }
}
