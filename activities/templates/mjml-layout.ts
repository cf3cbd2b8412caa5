// Every email's HTML: one MJML layout (600 px, responsive, preheader, logo, cart lines with images,
// offer, button, footer; colours that stay readable when a client darkens them), compiled to HTML
// once per brand and filled per message. MJML takes tens of milliseconds per compile; filling the
// compiled HTML takes microseconds, so a send never pays for MJML; the compile runs in a thread of
// its own (mjml-compile.ts), so the process never carries MJML either.
import { type BrandConfig, DEFAULT_BRAND } from '../../config/brand';
import type { EmailContent } from './email-content';
import { escapeHtml, html, type SafeHtml } from './html';
import { compileMjml } from './mjml-compile';

const SLOT_NAMES = [
  'lang',
  'title',
  'preheader',
  'greeting',
  'intro',
  'cartHeading',
  'cartRows',
  'totalLabel',
  'total',
  'offerHeadline',
  'offerCode',
  'offerInstructions',
  'buttonHref',
  'buttonLabel',
  'orOpen',
  'outro',
  'footerWhy',
  'unsubscribeUrl',
  'unsubscribeLabel',
] as const;
type Slot = (typeof SLOT_NAMES)[number];

/** Optional parts of the layout, cut out of the compiled HTML when a message has none. */
const SECTIONS = ['cart', 'offer', 'button', 'footer'] as const;
type Section = (typeof SECTIONS)[number];

// Placeholders MJML passes through untouched (letters only: no escaping, no URL encoding).
const slot = (name: Slot) => `XSLOTX${name}XSLOTX`;
const start = (name: Section) => `<!--section:${name}:start-->`;
const end = (name: Section) => `<!--section:${name}:end-->`;
const open = (name: Section) => `<mj-raw>${start(name)}</mj-raw>`;
const close = (name: Section) => `<mj-raw>${end(name)}</mj-raw>`;

const TEXT = '#1f2937';
const MUTED = '#5b6472';
const LINE = '#e5e7eb';
const FONT = 'Helvetica, Arial, sans-serif';

function layoutSource(brand: BrandConfig): string {
  const b = (text: string) => escapeHtml(text);
  const header = brand.logoUrl
    ? `<mj-image src="${b(brand.logoUrl)}" alt="${b(brand.shopName)}" width="160px" align="left" padding="0 0 16px 0" />`
    : `<mj-text font-size="20px" font-weight="bold" padding="0 0 16px 0" css-class="text">${b(brand.shopName)}</mj-text>`;
  return `<mjml lang="${slot('lang')}">
<mj-head>
  <mj-title>${slot('title')}</mj-title>
  <mj-preview>${slot('preheader')}</mj-preview>
  <mj-raw><meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark"></mj-raw>
  <mj-attributes>
    <mj-all font-family="${FONT}" />
    <mj-text color="${TEXT}" font-size="16px" line-height="1.5" padding="0" />
    <mj-section padding="0" />
  </mj-attributes>
  <mj-style>
    :root { color-scheme: light dark; supported-color-schemes: light dark; }
    .cart-table td { vertical-align: top; }
    @media (prefers-color-scheme: dark) {
      .page, .page > table, .page > div { background: #111827 !important; }
      .card, .card > table, .card td { background: #1f2937 !important; }
      .text, .text div, .text p, .text td, .text a { color: #f3f4f6 !important; }
      .muted, .muted div, .muted p, .muted a { color: #d1d5db !important; }
      .code-box td { border-color: #f3f4f6 !important; }
    }
  </mj-style>
</mj-head>
<mj-body width="600px" background-color="${brand.backgroundColor}" css-class="page">
  <mj-wrapper padding="24px 12px">
    <mj-section background-color="#ffffff" padding="32px 24px 8px 24px" border-radius="8px 8px 0 0" css-class="card">
      <mj-column>
        ${header}
        <mj-text css-class="text" padding="0 0 16px 0">${slot('greeting')}</mj-text>
        <mj-text css-class="text">${slot('intro')}</mj-text>
      </mj-column>
    </mj-section>
    ${open('cart')}
    <mj-section background-color="#ffffff" padding="0 24px" css-class="card">
      <mj-column>
        <mj-text font-weight="bold" css-class="text" padding="8px 0 0 0">${slot('cartHeading')}</mj-text>
        <mj-table css-class="text cart-table" color="${TEXT}" font-size="15px" line-height="1.4" padding="8px 0" width="100%" table-layout="fixed">
          ${slot('cartRows')}
          <tr><td colspan="2" style="padding:12px 8px 0 0;border-top:1px solid ${LINE};font-weight:bold;">${slot('totalLabel')}</td>
          <td style="padding:12px 0 0 8px;border-top:1px solid ${LINE};font-weight:bold;text-align:right;white-space:nowrap;width:96px;">${slot('total')}</td></tr>
        </mj-table>
      </mj-column>
    </mj-section>
    ${close('cart')}
    ${open('offer')}
    <mj-section background-color="#ffffff" padding="8px 24px" css-class="card">
      <mj-column border="2px dashed ${brand.primaryColor}" border-radius="8px" padding="16px" css-class="code-box">
        <mj-text align="center" font-weight="bold" css-class="text" padding="0 0 8px 0">${slot('offerHeadline')}</mj-text>
        <mj-text align="center" font-family="'Courier New', Courier, monospace" font-size="18px" letter-spacing="1px" font-weight="bold" css-class="text" padding="0 0 8px 0">${slot('offerCode')}</mj-text>
        <mj-text align="center" font-size="13px" color="${MUTED}" css-class="muted">${slot('offerInstructions')}</mj-text>
      </mj-column>
    </mj-section>
    ${close('offer')}
    ${open('button')}
    <mj-section background-color="#ffffff" padding="8px 24px 0 24px" css-class="card">
      <mj-column>
        <mj-button href="${slot('buttonHref')}" background-color="${brand.primaryColor}" color="${brand.buttonTextColor}" font-size="16px" font-weight="bold" border-radius="6px" inner-padding="12px 24px" align="left" padding="16px 0">${slot('buttonLabel')}</mj-button>
        <mj-text font-size="13px" color="${MUTED}" css-class="muted" padding="0 0 16px 0">${slot('orOpen')} <a href="${slot('buttonHref')}" style="color:${MUTED};word-break:break-all;">${slot('buttonHref')}</a></mj-text>
      </mj-column>
    </mj-section>
    ${close('button')}
    <mj-section background-color="#ffffff" padding="0 24px 24px 24px" border-radius="0 0 8px 8px" css-class="card">
      <mj-column>
        <mj-text css-class="text">${slot('outro')}</mj-text>
      </mj-column>
    </mj-section>
    ${open('footer')}
    <mj-section padding="16px 24px 0 24px">
      <mj-column>
        <mj-text font-size="13px" color="${MUTED}" css-class="muted">${slot('footerWhy')} <a href="${slot('unsubscribeUrl')}" style="color:${MUTED};">${slot('unsubscribeLabel')}</a></mj-text>
      </mj-column>
    </mj-section>
    ${close('footer')}
  </mj-wrapper>
</mj-body>
</mjml>`;
}

export interface CompiledLayout {
  fill(content: EmailContent): string;
}

/** Compiles the layout for a brand (MJML: once per brand, at boot); throws on an MJML error. */
export async function compileLayout(brand: BrandConfig = DEFAULT_BRAND): Promise<CompiledLayout> {
  const result = await compileMjml(layoutSource(brand), { validationLevel: 'strict', keepComments: true });
  if (result.errors.length > 0) {
    throw new Error(`the email layout does not compile: ${result.errors.join('; ')}`);
  }
  // The indentation is a fifth of the HTML and means nothing to a mail client (the layout has no
  // <pre>): dropped once here, it is not encoded, signed and sent with every message.
  const compiled = result.html.replace(/\n[ \t]+/g, '\n');
  for (const name of SLOT_NAMES) {
    if (name !== 'outro' && !compiled.includes(slot(name))) throw new Error(`the compiled layout lost slot ${name}`);
  }
  return { fill: (content) => fill(compiled, content) };
}

const para = (text: string) => html`<p style="margin:0 0 16px 0;">${text}</p>`;
const joined = (parts: SafeHtml[]) => parts.map((p) => p.value).join('');

function cartRows(cart: NonNullable<EmailContent['cart']>): string {
  return joined(
    cart.lines.map(
      (line) => html`<tr>
<td style="padding:8px 8px 8px 0;width:64px;">${line.imageUrl ? html`<img src="${line.imageUrl}" alt="${line.name}" width="64" height="64" style="display:block;width:64px;height:64px;border-radius:4px;object-fit:cover;border:0;">` : undefined}</td>
<td style="padding:8px;word-break:break-word;">${line.name}<br><span style="font-size:13px;color:${MUTED};" class="muted">${line.quantity}</span></td>
<td style="padding:8px 0 8px 8px;text-align:right;white-space:nowrap;width:96px;">${line.lineTotal}</td>
</tr>`,
    ),
  );
}

/** Every value is escaped here; the paragraphs and rows are built through `html`. */
function fill(compiled: string, c: EmailContent): string {
  const present: Record<Section, boolean> = {
    cart: !!c.cart,
    offer: !!c.offer,
    button: !!c.button,
    footer: !!c.footer,
  };
  let out = compiled;
  for (const section of SECTIONS) {
    const from = out.indexOf(start(section));
    const to = out.indexOf(end(section));
    if (from < 0 || to < 0) throw new Error(`the compiled layout lost section ${section}`);
    out = present[section]
      ? out.slice(0, from) + out.slice(from + start(section).length, to) + out.slice(to + end(section).length)
      : out.slice(0, from) + out.slice(to + end(section).length);
  }
  const e = escapeHtml;
  const values: Record<Slot, string> = {
    lang: e(c.lang),
    title: e(c.subject),
    preheader: e(c.preheader),
    greeting: e(c.greeting),
    intro: joined(c.intro.map(para)),
    cartHeading: e(c.cart?.heading ?? ''),
    cartRows: c.cart ? cartRows(c.cart) : '',
    totalLabel: e(c.cart?.totalLabel ?? ''),
    total: e(c.cart?.total ?? ''),
    offerHeadline: e(c.offer?.headline ?? ''),
    offerCode: e(c.offer?.code ?? ''),
    offerInstructions: e(c.offer?.instructions ?? ''),
    buttonHref: e(c.button?.href ?? ''),
    buttonLabel: e(c.button?.label ?? ''),
    orOpen: e(c.button?.orOpen ?? ''),
    outro: joined(c.outro.map(para)),
    footerWhy: e(c.footer?.why ?? ''),
    unsubscribeUrl: e(c.footer?.unsubscribeUrl ?? ''),
    unsubscribeLabel: e(c.footer?.unsubscribeLabel ?? ''),
  };
  // One pass: a value that happens to contain a placeholder is not filled again.
  return out.replace(/XSLOTX([A-Za-z]+)XSLOTX/g, (_, name: Slot) => values[name] ?? '');
}
