// A shopper's saved address and card through the API: what place-order needs, for the checkout
// tests, the order faults, the order bench and the history recorder alike.
import type { JsonResponse } from '../api/support/api-harness';

type Request = (method: string, path: string, body?: unknown) => Promise<JsonResponse>;

/** Saves a Berlin address and a card known by its Stripe `token` for `customerId`; throws unless both answer 201. */
export async function saveAddressAndCard(
  request: Request,
  customerId: string,
  token: string,
): Promise<{ addressId: string; paymentMethodId: string }> {
  const address = await request('POST', `/customers/${customerId}/addresses`, {
    name: 'Ada Lovelace',
    line1: 'Unter den Linden 1',
    city: 'Berlin',
    postalCode: '10117',
    country: 'DE',
  });
  if (address.status !== 201) throw new Error(`saving the address: ${address.status} ${JSON.stringify(address.body)}`);
  const method = await request('POST', `/customers/${customerId}/payment-methods`, { tokens: { stripe: token } });
  if (method.status !== 201) throw new Error(`saving the card: ${method.status} ${JSON.stringify(method.body)}`);
  return { addressId: address.body.id as string, paymentMethodId: method.body.id as string };
}
