// A tiny tagged template that escapes every interpolated value unless it is already markup.
// Templates build HTML only through `html`, so a customer or cart string cannot reach the
// output unescaped by accident.
Object.defineProperty(exports, '__esModule', { value: true });
exports.SafeHtml = void 0;
exports.escapeHtml = escapeHtml;
exports.html = html;
exports.httpUrl = httpUrl;
class SafeHtml {
  value;
  constructor(value) {
    this.value = value;
  }
  toString() {
    return this.value;
  }
}
exports.SafeHtml = SafeHtml;
const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}
function render(value) {
  if (value === undefined) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((v) => v.value).join('');
  return escapeHtml(String(value));
}
function html(strings, ...values) {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}
/** Only http(s) links reach an href or src: a `javascript:` image URL from a cart stays out. */
function httpUrl(url) {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
//# sourceMappingURL=html.js.map
