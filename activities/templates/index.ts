import type { TemplateName } from '../../common/checkout';
import { emailText } from './email-content';
import { emailHtml } from './layout';
import { orderConfirmationContent, reminderContent } from './reminders';
import type { OrderConfirmationView, ReminderView, RenderedEmail } from './types';

export type { OrderConfirmationView, ReminderView, RenderedEmail } from './types';

export function renderReminder(template: TemplateName, view: ReminderView): RenderedEmail {
  const content = reminderContent(template, view);
  return { subject: content.subject, html: emailHtml(content), text: emailText(content) };
}

export function renderOrderConfirmation(view: OrderConfirmationView): RenderedEmail {
  const content = orderConfirmationContent(view);
  return { subject: content.subject, html: emailHtml(content), text: emailText(content) };
}
