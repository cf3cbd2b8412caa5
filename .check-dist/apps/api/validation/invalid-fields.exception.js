Object.defineProperty(exports, '__esModule', { value: true });
exports.InvalidFieldsException = void 0;
const common_1 = require('@nestjs/common');
const MESSAGES = {
  body: 'Invalid request body',
  param: 'Invalid path parameter',
  query: 'Invalid query parameter',
  custom: 'Invalid request',
};
/** The one 400 shape for input errors: `{ statusCode, error, message, errors: [{ field, reason }] }`. */
class InvalidFieldsException extends common_1.BadRequestException {
  errors;
  location;
  constructor(errors, location = 'body') {
    super({ statusCode: 400, error: 'Bad Request', message: MESSAGES[location], errors });
    this.errors = errors;
    this.location = location;
  }
}
exports.InvalidFieldsException = InvalidFieldsException;
//# sourceMappingURL=invalid-fields.exception.js.map
