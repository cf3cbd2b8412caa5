import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { findCardData } from '../../../checkout/card-data';
import { InvalidFieldsException } from '../validation/invalid-fields.exception';

/**
 * Runs before validation and the handler: a body carrying a card number or CVC is refused with a
 * 400 naming the field (never the value), and is not passed on, stored or logged.
 */
@Injectable()
export class CardDataGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const body = context.switchToHttp().getRequest<{ body?: unknown }>().body;
    const field = findCardData(body);
    if (field) {
      throw new InvalidFieldsException([
        { field, reason: 'looks like card data: send provider tokens only, never a card number or CVC' },
      ]);
    }
    return true;
  }
}
