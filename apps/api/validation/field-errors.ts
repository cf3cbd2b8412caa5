import type { ValidationError } from 'class-validator';
import { type FieldError, resolveSchedule } from '../../../common/schedule';
import { IS_SCHEDULE } from './field-rules';

/** `items` + `0` → `items[0]`; `customer` + `email` → `customer.email`. */
function join(parent: string, property: string): string {
  if (/^\d+$/.test(property) && parent !== '') return `${parent}[${property}]`;
  return parent === '' ? property : `${parent}.${property}`;
}

/** class-validator's default messages start with the property name; the field already says it. */
function reasonOf(property: string, constraint: string, message: string): string {
  if (constraint === 'whitelistValidation') return 'is not an allowed field';
  if (constraint === 'unknownValue') return 'must be a JSON object';
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}

/** Flattens class-validator's error tree into `{ field, reason }` with paths like `cart.items[0].quantity`. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = join(parent, error.property ?? '') || 'body';
    const constraints = error.constraints ?? {};
    if (IS_SCHEDULE in constraints) {
      // The schedule's own resolver knows which step and which key is wrong.
      const resolved = resolveSchedule(error.value, field);
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
