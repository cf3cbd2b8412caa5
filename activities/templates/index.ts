// Rendering an email: the template's words (reminders.ts, in the shopper's language) in the brand's
// compiled MJML layout (mjml-layout.ts), plus the plain-text part from the same words.

import type { TemplateName } from '../../common/checkout';
import { type BrandConfig, DEFAULT_BRAND } from '../../config/brand';
import { type EmailContent, emailText } from './email-content';
import { type CompiledLayout, compileLayout } from './mjml-layout';
import { orderConfirmationContent, reminderContent } from './reminders';
import type { OrderConfirmationView, ReminderView, RenderedEmail } from './types';

export type { OrderConfirmationView, ReminderView, RenderedEmail } from './types';

const layouts = new Map<string, Promise<CompiledLayout>>();

/** The brand's compiled layout: compiled on first use and kept (the worker and API ask at boot). */
export function emailLayout(brand: BrandConfig = DEFAULT_BRAND): Promise<CompiledLayout> {
  const key = JSON.stringify(brand);
  let layout = layouts.get(key);
  if (!layout) {
    layout = compileLayout(brand);
    layouts.set(key, layout);
    // A failed compile is not kept: the next boot attempt tries again.
    layout.catch(() => layouts.delete(key));
  }
  return layout;
}

export async function renderEmail(content: EmailContent, brand?: BrandConfig): Promise<RenderedEmail> {
  const layout = await emailLayout(brand);
  return { subject: content.subject, html: layout.fill(content), text: emailText(content) };
}

export async function renderReminder(template: TemplateName, view: ReminderView): Promise<RenderedEmail> {
  return renderEmail(reminderContent(template, view), view.brand);
}

export async function renderOrderConfirmation(view: OrderConfirmationView): Promise<RenderedEmail> {
  return renderEmail(orderConfirmationContent(view), view.brand);
}
