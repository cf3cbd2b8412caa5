Object.defineProperty(exports, '__esModule', { value: true });
exports.toFieldErrors = toFieldErrors;
const schedule_1 = require('../../../common/schedule');
const field_rules_1 = require('./field-rules');
/** `items` + `0` → `items[0]`; `customer` + `email` → `customer.email`. */
function join(parent, property) {
  if (/^\d+$/.test(property) && parent !== '') return `${parent}[${property}]`;
  return parent === '' ? property : `${parent}.${property}`;
}
/** class-validator's default messages start with the property name; the field already says it. */
function reasonOf(property, constraint, message) {
  if (constraint === 'whitelistValidation') return 'is not an allowed field';
  if (constraint === 'unknownValue') return 'must be a JSON object';
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}
/** Flattens class-validator's error tree into `{ field, reason }` with paths like `cart.items[0].quantity`. */
function toFieldErrors(errors, parent = '') {
  const out = [];
  for (const error of errors) {
    const field = join(parent, error.property ?? '') || 'body';
    const constraints = error.constraints ?? {};
    if (field_rules_1.IS_SCHEDULE in constraints) {
      // The schedule's own resolver knows which step and which key is wrong.
      const resolved = (0, schedule_1.resolveSchedule)(error.value, field);
      if (!resolved.ok) out.push(...resolved.errors);
    } else {
      for (const [constraint, message] of Object.entries(constraints)) {
        out.push({ field, reason: reasonOf(error.property, constraint, message) });
      }
    }
    if (error.children?.length) out.push(...toFieldErrors(error.children, field === 'body' ? '' : field));
  }
  return out;
}
//# sourceMappingURL=field-errors.js.map
