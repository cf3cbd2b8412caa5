Object.defineProperty(exports, '__esModule', { value: true });
exports.PushTimeout = exports.PushAddressRefused = void 0;
exports.postToPushService = postToPushService;
// One POST to a push service, made only to a public address. The endpoint's host name is resolved
// here and every address it gives is checked before connecting (a name that resolves to 10.0.0.5
// or 127.0.0.1 is refused), and the socket's peer is checked again once connected: the address
// connected to is the one that was checked, so DNS rebinding between check and connect gains nothing.
const node_dns_1 = require('node:dns');
const node_http_1 = require('node:http');
const node_https_1 = require('node:https');
const ip_address_1 = require('../../common/ip-address');
const push_subscription_1 = require('../../common/push-subscription');
/** The endpoint's host is, or resolves to, an address we do not send to. */
class PushAddressRefused extends Error {
  name = 'PushAddressRefused';
}
exports.PushAddressRefused = PushAddressRefused;
class PushTimeout extends Error {
  name = 'PushTimeout';
}
exports.PushTimeout = PushTimeout;
// A push service answers with a few headers and at most a short text; more is not a push service.
const MAX_RESPONSE_BYTES = 64 * 1024;
function allowed(address, allowLoopback) {
  return (
    (0, ip_address_1.nonPublicAddressReason)(address) === undefined ||
    (allowLoopback && (0, push_subscription_1.isLoopbackHost)(address))
  );
}
/** dns.lookup that answers only when every address of the name may be reached. */
function publicOnlyLookup(allowLoopback) {
  return (hostname, options, callback) => {
    (0, node_dns_1.lookup)(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const refused = addresses.find((a) => !allowed(a.address, allowLoopback));
      if (refused || addresses.length === 0) {
        return callback(new PushAddressRefused(`${hostname} resolves to ${refused?.address ?? 'nothing'}`), '', 0);
      }
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      callback(null, first.address, first.family);
    });
  };
}
function postToPushService(endpoint, headers, body, opts) {
  const url = new URL(endpoint);
  const send = url.protocol === 'https:' ? node_https_1.request : node_http_1.request;
  const options = {
    method: 'POST',
    headers: { ...headers, 'content-length': String(body.length) },
    lookup: publicOnlyLookup(opts.allowLoopback),
    agent: false, // a fresh, checked connection per push: no pooled socket to another address
  };
  return new Promise((resolve, reject) => {
    const req = send(url, options, (res) => {
      let size = 0;
      res.on('data', (chunk) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) req.destroy(new Error('push service answer too large'));
      });
      res.on('end', () => {
        clearTimeout(timer);
        const location = res.headers.location;
        const retryAfter = res.headers['retry-after'];
        resolve({ status: res.statusCode ?? 0, location, retryAfter: retryAfter ?? null });
      });
      res.on('error', reject);
    });
    const timer = setTimeout(
      () => req.destroy(new PushTimeout(`no answer within ${opts.timeoutMs} ms`)),
      opts.timeoutMs,
    );
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    // An IP literal skips the lookup: the connected peer is checked in every case.
    req.on('socket', (socket) => {
      const check = () => {
        const peer = socket.remoteAddress ?? '';
        if (!allowed(peer, opts.allowLoopback)) req.destroy(new PushAddressRefused(`connected to ${peer}`));
      };
      if (socket.connecting) socket.once('connect', check);
      else check();
    });
    req.end(body);
  });
}
//# sourceMappingURL=push-request.js.map
