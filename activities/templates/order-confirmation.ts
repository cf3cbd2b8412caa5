// Transactional: no unsubscribe link, no List-Unsubscribe header (see mime.ts).
import { greeting, moneyFor } from './format';
import { html } from './html';
import { cartTable, cartText, emailDocument, paragraph } from './layout';
import type { OrderConfirmationView, RenderedEmail } from './types';

export function renderOrderConfirmation({ checkout, orderId, total }: OrderConfirmationView): RenderedEmail {
  const { cart, customer } = checkout;
  const money = moneyFor(customer, cart.currency);
  const hello = greeting(customer);
  const orderTotal = total ?? cart.total;
  const subject = `Thanks for your order ${orderId}`;
  const body = html`${paragraph(hello)}
${paragraph(html`Thank you for your order <strong>${orderId}</strong>. We have received it and will let you know when it ships.`)}
${cartTable(cart, money, orderTotal)}`;
  return {
    subject,
    html: emailDocument({ title: subject, preheader: `Order ${orderId} received.`, body }),
    text: [
      hello,
      '',
      `Thank you for your order ${orderId}. We have received it and will let you know when it ships.`,
      '',
      cartText(cart, money, orderTotal),
    ].join('\n'),
  };
}
