// A resume link is a redirect on the shop's domain, sent in the shop's own mail: it must lead only
// to the shop. SHOP_ORIGINS lists the origins it may lead to, compared exactly as URL.origin spells
// them (scheme, host and port), so no prefix, suffix or look-alike host passes.
Object.defineProperty(exports, '__esModule', { value: true });
exports.SHOP_ORIGIN_REASON = void 0;
exports.isShopUrl = isShopUrl;
/** True when `url` parses and its origin is one of `allowed`. */
function isShopUrl(url, allowed) {
  let origin;
  try {
    origin = new URL(url).origin;
  } catch {
    return false;
  }
  return allowed.includes(origin);
}
exports.SHOP_ORIGIN_REASON = "must be on one of the shop's origins (SHOP_ORIGINS)";
//# sourceMappingURL=shop-origin.js.map
