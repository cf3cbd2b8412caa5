// The links a reminder carries, signed at send time: the resume button goes through the API
// (GET /r/<token>, which redirects to the shop), the unsubscribe link and List-Unsubscribe header
// to /unsubscribe?token=<token>. Each expires counted from the send.
Object.defineProperty(exports, '__esModule', { value: true });
exports.unsubscribeUrl = exports.resumeUrl = void 0;
exports.reminderLinks = reminderLinks;
const link_token_1 = require('../apps/shared/link-token');
const layout_1 = require('./templates/layout');
const base = (publicUrl) => publicUrl.replace(/\/$/, '');
const resumeUrl = (publicUrl, token) => `${base(publicUrl)}/r/${token}`;
exports.resumeUrl = resumeUrl;
/** The API serves GET (a confirm page) and POST (RFC 8058 one-click) at this address. */
const unsubscribeUrl = (publicUrl, token) => `${base(publicUrl)}/unsubscribe?token=${token}`;
exports.unsubscribeUrl = unsubscribeUrl;
function reminderLinks(settings, checkout, step, now = Date.now()) {
  // The workflow validates checkout URLs; a signed redirect to anything but http(s) must not exist.
  const target = (0, layout_1.requireHttpUrl)(checkout.checkoutUrl, 'checkoutUrl');
  const common = { checkoutId: checkout.checkoutId, customerId: checkout.customer.id, step };
  const expiry = (ttlMs) => Math.floor((now + ttlMs) / 1000);
  return {
    resumeUrl: (0, exports.resumeUrl)(
      settings.publicUrl,
      (0, link_token_1.signLink)(
        { ...common, purpose: 'resume', expiresAt: expiry(settings.resumeTtlMs), target },
        settings.secrets,
      ),
    ),
    unsubscribeUrl: (0, exports.unsubscribeUrl)(
      settings.publicUrl,
      (0, link_token_1.signLink)(
        { ...common, purpose: 'unsubscribe', expiresAt: expiry(settings.unsubscribeTtlMs) },
        settings.secrets,
      ),
    ),
  };
}
//# sourceMappingURL=links.js.map
