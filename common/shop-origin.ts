// A resume link is a redirect on the shop's domain, sent in the shop's own mail: it must lead only
// to the shop. SHOP_ORIGINS lists the origins it may lead to, compared exactly as URL.origin spells
// them (scheme, host and port), so no prefix, suffix or look-alike host passes.

/** True when `url` parses and its origin is one of `allowed`. */
export function isShopUrl(url: string, allowed: readonly string[]): boolean {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return false;
  }
  return allowed.includes(origin);
}

export const SHOP_ORIGIN_REASON = "must be on one of the shop's origins (SHOP_ORIGINS)";
