import type { TemplateName } from '../../common/checkout';
import { renderCart } from './cart';
import { renderFriendly } from './friendly';
import { renderLastChance } from './last-chance';
import type { ReminderView, RenderedEmail } from './types';

export { renderOrderConfirmation } from './order-confirmation';
export type { OrderConfirmationView, ReminderView, RenderedEmail } from './types';

const REMINDER_TEMPLATES: Record<TemplateName, (view: ReminderView) => RenderedEmail> = {
  friendly: renderFriendly,
  cart: renderCart,
  'last-chance': renderLastChance,
};

export function renderReminder(template: TemplateName, view: ReminderView): RenderedEmail {
  const render = REMINDER_TEMPLATES[template];
  if (!render) throw new Error(`unknown reminder template "${String(template)}"`);
  return render(view);
}
