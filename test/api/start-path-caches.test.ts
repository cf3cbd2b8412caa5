// The start path's Intl look-ups answer as Intl itself does: a listed time zone, an alias Intl
// takes but does not list, one it refuses; a currency's minor digits, also the second time.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { validateSync } from 'class-validator';
import { summaryFor } from '../../apps/api/checkouts/workflow-summary';
import { IsTimeZone } from '../../apps/api/validation/field-rules';
import type { CheckoutRecoveryInput } from '../../common/checkout';

class Zoned {
  @IsTimeZone()
  timezone: unknown;
}

const zoneValid = (timezone: unknown) => validateSync(Object.assign(new Zoned(), { timezone })).length === 0;

describe('the start path answers as Intl does', () => {
  test('time zones: listed, an unlisted alias, unknown', () => {
    assert.equal(zoneValid('Europe/Berlin'), true);
    assert.equal(zoneValid('US/Eastern'), true, 'an alias Intl takes but does not list');
    assert.equal(zoneValid('Mars/Olympus'), false);
    assert.equal(zoneValid(''), false);
    assert.equal(zoneValid(42), false);
  });

  test("the summary's amounts use each currency's own minor digits, every time", () => {
    const input = (total: number, currency: string) =>
      ({
        checkout: {
          checkoutId: 'co-1',
          customer: { id: 'c-42', email: 'a@example.com' },
          cart: { currency, total, items: [] },
          checkoutUrl: 'https://shop.example.com/c/co-1',
        },
        schedule: [],
        sendOrderConfirmation: true,
      }) as unknown as CheckoutRecoveryInput;
    for (let i = 0; i < 2; i++) {
      assert.match(summaryFor(input(59.9, 'EUR')), / 59\.90 EUR /);
      assert.match(summaryFor(input(1234, 'JPY')), / 1234 JPY /);
      assert.match(summaryFor(input(1.5, 'BHD')), / 1\.500 BHD /);
    }
  });
});
