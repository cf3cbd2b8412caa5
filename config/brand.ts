// The shop's brand in every email: name, logo, colours and sender (BRAND_*). The layout is compiled
// with them once at boot (activities/templates/mjml-layout.ts), so a wrong colour fails the start.
import { ConfigError } from './config-error';

export interface BrandConfig {
  /** BRAND_SHOP_NAME: the sender named in texts, pushes, alt texts; default: MAIL_FROM's display name. */
  shopName: string;
  /** BRAND_LOGO_URL: an https image shown at the top of every email (its alt text is the shop name). */
  logoUrl: string | undefined;
  /** BRAND_PRIMARY_COLOR: buttons, links and the offer's frame. */
  primaryColor: string;
  /** BRAND_BUTTON_TEXT_COLOR: text on the primary colour. */
  buttonTextColor: string;
  /** BRAND_BACKGROUND_COLOR: around the 600 px card. */
  backgroundColor: string;
  /** BRAND_SENDER (else MAIL_FROM): the From of every email, a verified SES identity in production. */
  sender: string;
}

export const DEFAULT_SENDER = 'Your Shop <shop@example.com>';

export const DEFAULT_BRAND: BrandConfig = {
  shopName: 'Your Shop',
  logoUrl: undefined,
  primaryColor: '#1d4ed8',
  buttonTextColor: '#ffffff',
  backgroundColor: '#f4f4f5',
  sender: DEFAULT_SENDER,
};

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

function color(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = env[name]?.trim();
  if (!value) return fallback;
  if (!HEX_COLOR.test(value)) throw new ConfigError(`${name} must be a hex colour like #1d4ed8 (got "${value}")`);
  return value.toLowerCase();
}

/** "Your Shop <shop@example.com>" → "Your Shop"; a bare address → its domain's first label. */
export function shopNameFrom(from: string): string {
  const display = /^\s*"?([^"<]*?)"?\s*</.exec(from)?.[1]?.trim();
  if (display) return display;
  const domain = /@([^.>\s]+)/.exec(from)?.[1];
  return domain ?? 'Shop';
}

export function loadBrand(env: NodeJS.ProcessEnv): BrandConfig {
  const sender = env.BRAND_SENDER?.trim() || env.MAIL_FROM?.trim() || DEFAULT_SENDER;
  const logo = env.BRAND_LOGO_URL?.trim();
  if (logo && !/^https:\/\/[^\s"'<>]+$/i.test(logo)) {
    throw new ConfigError(`BRAND_LOGO_URL must be an https URL (got "${logo}")`);
  }
  return {
    shopName: env.BRAND_SHOP_NAME?.trim() || shopNameFrom(sender),
    logoUrl: logo || undefined,
    primaryColor: color(env, 'BRAND_PRIMARY_COLOR', DEFAULT_BRAND.primaryColor),
    buttonTextColor: color(env, 'BRAND_BUTTON_TEXT_COLOR', DEFAULT_BRAND.buttonTextColor),
    backgroundColor: color(env, 'BRAND_BACKGROUND_COLOR', DEFAULT_BRAND.backgroundColor),
    sender,
  };
}
