import { ArgumentMetadata, Injectable, ValidationPipe } from '@nestjs/common';
import { toFieldErrors } from './field-errors';
import { InvalidFieldsException } from './invalid-fields.exception';

/** The global pipe: DTOs are whitelisted, unknown fields rejected, and every error names its field. */
@Injectable()
export class ApiValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: true,
      exceptionFactory: (errors) => new InvalidFieldsException(toFieldErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Every body here is one object; an array would be validated element by element otherwise.
    if (metadata.type === 'body' && Array.isArray(value)) {
      throw new InvalidFieldsException([{ field: 'body', reason: 'must be a JSON object' }]);
    }
    try {
      return await super.transform(value, metadata);
    } catch (err) {
      // The factory cannot see where the value came from; the message should say it.
      if (err instanceof InvalidFieldsException && metadata.type !== 'body') {
        throw new InvalidFieldsException(err.errors, metadata.type);
      }
      throw err;
    }
  }
}
