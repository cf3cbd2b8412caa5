// Which IP addresses are on the public internet. Push endpoints come from browsers we do not
// control, so the API and the web-push sender refuse every address that reaches inside a network
// (loopback, private, link-local, CGNAT, unique-local, multicast, reserved, translated forms).
// Pure code without node:net: the workflow bundle validates subscriptions with it too.
Object.defineProperty(exports, '__esModule', { value: true });
exports.ipVersion = ipVersion;
exports.nonPublicAddressReason = nonPublicAddressReason;
const V4_BITS = 32;
const V6_BITS = 128;
/** RFC 6890 special-purpose IPv4 blocks that are not globally reachable, plus multicast and reserved. */
const NON_PUBLIC_V4 = [
  ['0.0.0.0', 8, 'this network'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];
/** IPv6 blocks that are not globally reachable, or that embed an IPv4 address we cannot vouch for. */
const NON_PUBLIC_V6 = [
  ['::', 96, 'unspecified, loopback or IPv4-compatible'],
  ['::ffff:0:0', 96, 'IPv4-mapped'],
  ['64:ff9b::', 96, 'NAT64'],
  ['64:ff9b:1::', 48, 'NAT64'],
  ['100::', 64, 'discard'],
  ['2001::', 23, 'IETF protocol assignments (Teredo)'],
  ['2001:db8::', 32, 'documentation'],
  ['2002::', 16, '6to4'],
  ['fc00::', 7, 'unique-local'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['ff00::', 8, 'multicast'],
];
function parseV4(text) {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(Number(part));
  }
  return value;
}
function parseV6(input) {
  let text = input.replace(/^\[|\]$/g, '').toLowerCase();
  if (text.includes('%')) return undefined; // a zone id only means something on this host
  // An embedded dotted IPv4 tail (::ffff:127.0.0.1) becomes two hex groups.
  const tail = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (tail) {
    const v4 = parseV4(tail[2] ?? '');
    if (v4 === undefined) return undefined;
    text = `${tail[1]}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s) => (s ? s.split(':') : []);
  const head = groups(halves[0]);
  const rest = groups(halves[1]);
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...Array(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  let value = 0n;
  for (const group of all) {
    if (!/^[0-9a-f]{1,4}$/.test(group)) return undefined;
    value = (value << 16n) | BigInt(Number.parseInt(group, 16));
  }
  return value;
}
const compile = (list, parse) => list.map(([address, prefix, why]) => ({ range: [parse(address) ?? 0n, prefix], why }));
const V4_RANGES = compile(NON_PUBLIC_V4, parseV4);
const V6_RANGES = compile(NON_PUBLIC_V6, parseV6);
function inRange(value, [network, prefix], bits) {
  const shift = BigInt(bits - prefix);
  return value >> shift === network >> shift;
}
/** 4 or 6 for an IP address literal (brackets allowed), else 0. */
function ipVersion(text) {
  if (parseV4(text) !== undefined) return 4;
  return text.includes(':') && parseV6(text) !== undefined ? 6 : 0;
}
/**
 * Why this IP address is not a public internet address ("loopback", "private", …), or undefined
 * when it is one. Anything that does not parse as an address is refused too.
 */
function nonPublicAddressReason(text) {
  const v4 = parseV4(text);
  if (v4 !== undefined) return V4_RANGES.find((r) => inRange(v4, r.range, V4_BITS))?.why;
  const v6 = text.includes(':') ? parseV6(text) : undefined;
  if (v6 === undefined) return 'not an IP address';
  return V6_RANGES.find((r) => inRange(v6, r.range, V6_BITS))?.why;
}
//# sourceMappingURL=ip-address.js.map
