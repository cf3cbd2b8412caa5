// What an email says, before it is laid out: every template fills one of these (in the shopper's
// language), the layout turns it into HTML and text, so both parts always say the same.
import type { SafeHtml } from './html';

export interface CartLine {
  name: string;
  /** "2 × 17,50 €" */
  quantity: string;
  lineTotal: string;
  /** http(s) only; the alt text is the item's name. */
  imageUrl?: string;
}

export interface EmailContent {
  /** The catalogue's language: the document's `lang`. */
  lang: string;
  subject: string;
  preheader: string;
  greeting: string;
  /** Paragraphs before the cart (the reason note first when there is one). */
  intro: string[];
  cart?: { heading: string; lines: CartLine[]; totalLabel: string; total: string };
  offer?: { headline: string; code: string; instructions: string; textLine: string };
  button?: { href: string; label: string; orOpen: string };
  /** Paragraphs after the button. */
  outro: string[];
  footer?: { why: string; unsubscribeLabel: string; unsubscribeUrl: string };
  /** Markup a template adds as it is (already escaped). */
  extraHtml?: SafeHtml;
}

/** The plain-text part: the same words, the links written out. */
export function emailText(c: EmailContent): string {
  const lines: string[] = [c.greeting, ''];
  for (const p of c.intro) lines.push(p, '');
  if (c.cart) {
    for (const line of c.cart.lines) lines.push(`- ${line.name}: ${line.quantity} = ${line.lineTotal}`);
    lines.push(`${c.cart.totalLabel}: ${c.cart.total}`, '');
  }
  if (c.offer) lines.push(c.offer.textLine, c.offer.instructions, '');
  if (c.button) lines.push(`${c.button.label}: ${c.button.href}`, '');
  for (const p of c.outro) lines.push(p, '');
  if (c.footer) lines.push(c.footer.why, `${c.footer.unsubscribeLabel}: ${c.footer.unsubscribeUrl}`);
  while (lines.at(-1) === '') lines.pop();
  return lines.join('\n');
}
