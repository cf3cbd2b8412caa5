var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
exports.DASHBOARD_CSP = exports.PAGE_CSP = void 0;
exports.useSecurityHeaders = useSecurityHeaders;
// Response headers against framing, sniffing and injected content (helmet), on every response, and
// a CSP for the shopper pages that allows nothing but their own inline style and form.
const node_crypto_1 = require('node:crypto');
const helmet_1 = __importDefault(require('helmet'));
const html_page_1 = require('./html-page');
/** Where the HTML pages behind links in emails are served. */
const PAGE_ROUTES = ['/unsubscribe', '/r'];
const styleHash = `'sha256-${(0, node_crypto_1.createHash)('sha256').update(html_page_1.PAGE_STYLE).digest('base64')}'`;
exports.PAGE_CSP = {
  'default-src': ["'none'"],
  'style-src': [styleHash],
  // The unsubscribe page's one form posts back to this API.
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
};
/**
 * The dashboard: no script at all, nothing fetched; inline styles only (its sheet, and the
 * style attributes in ECharts' server-rendered SVG).
 */
exports.DASHBOARD_CSP = {
  'default-src': ["'none'"],
  'style-src': ["'unsafe-inline'"],
  'img-src': ['data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
};
function useSecurityHeaders(app) {
  app.use(
    (0, helmet_1.default)({
      // helmet's default CSP (scripts and styles from 'self') keeps Swagger UI at /docs working.
      contentSecurityPolicy: {
        directives: { 'frame-ancestors': ["'none'"], 'upgrade-insecure-requests': null },
      },
      frameguard: { action: 'deny' },
      // Whether the API is reached over TLS is the proxy's to know and to declare.
      strictTransportSecurity: false,
    }),
  );
  app.use(PAGE_ROUTES, helmet_1.default.contentSecurityPolicy({ useDefaults: false, directives: exports.PAGE_CSP }));
  app.use(
    '/dashboard',
    helmet_1.default.contentSecurityPolicy({ useDefaults: false, directives: exports.DASHBOARD_CSP }),
  );
}
//# sourceMappingURL=security-headers.js.map
