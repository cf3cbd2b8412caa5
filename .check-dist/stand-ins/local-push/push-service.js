Object.defineProperty(exports, '__esModule', { value: true });
exports.LocalPushService = exports.MAX_PUSH_BODY_BYTES = exports.DEFAULT_LOCAL_PUSH_PORT = void 0;
exports.startLocalPushServer = startLocalPushServer;
// A local web push service: the push service of RFC 8030 and the browser behind it in one. It
// hands out test subscriptions whose private keys it keeps, accepts push messages only with a
// valid VAPID claim (RFC 8292), decrypts them as the browser would (RFC 8291) and shows them.
const node_crypto_1 = require('node:crypto');
const node_fs_1 = require('node:fs');
const node_http_1 = require('node:http');
const node_path_1 = require('node:path');
const web_push_keys_1 = require('../../common/web-push-keys');
const stand_ins_1 = require('../../config/stand-ins');
Object.defineProperty(exports, 'DEFAULT_LOCAL_PUSH_PORT', {
  enumerable: true,
  get: () => stand_ins_1.DEFAULT_LOCAL_PUSH_PORT,
});
const rfc8291_1 = require('./rfc8291');
const rfc8292_1 = require('./rfc8292');
const viewer_1 = require('./viewer');
/** RFC 8030 §7.2 and RFC 8291 §4: push services take bodies of up to 4096 bytes. */
exports.MAX_PUSH_BODY_BYTES = 4096;
/** Requests beyond this are not read at all (subscriptions and faults are tiny JSON). */
const MAX_REQUEST_BYTES = 64 * 1024;
/** The viewer shows recent messages; older ones are forgotten so a long dev session stays small. */
const MAX_STORED_MESSAGES = 1000;
const URGENCIES = new Set(['very-low', 'low', 'normal', 'high']);
class HttpError extends Error {
  status;
  headers;
  constructor(status, message, headers = {}) {
    super(message);
    this.status = status;
    this.headers = headers;
  }
}
async function readBody(req, limit) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_REQUEST_BYTES) throw new HttpError(413, `request body over ${MAX_REQUEST_BYTES} bytes`);
    chunks.push(chunk);
  }
  if (size > limit) throw new HttpError(413, `push message body of ${size} bytes is over ${limit}`);
  return Buffer.concat(chunks);
}
async function readJson(req) {
  const body = await readBody(req, MAX_REQUEST_BYTES);
  if (body.length === 0) return {};
  try {
    const value = JSON.parse(body.toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
  } catch {
    // answered below
  }
  throw new HttpError(400, 'body must be a JSON object');
}
function send(res, status, body, headers = {}) {
  const text = body === undefined ? '' : JSON.stringify(body, null, 2);
  res.writeHead(status, {
    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}
function parsePayload(plaintext) {
  const text = plaintext.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
class LocalPushService {
  stateFile;
  subscriptions = new Map();
  messages = [];
  /** Where clients reach the service: subscriptions' endpoints start with it. Set once listening. */
  origin = 'http://127.0.0.1';
  /**
   * With a `stateFile`, subscriptions (and their private keys) are kept there, so a checkout that
   * sleeps through a restart of `npm start` still reaches its subscription. Received messages are not.
   */
  constructor(stateFile) {
    this.stateFile = stateFile;
    if (!stateFile) return;
    let stored;
    try {
      stored = JSON.parse((0, node_fs_1.readFileSync)(stateFile, 'utf8')).subscriptions;
    } catch (err) {
      if (err.code === 'ENOENT') return;
      throw new Error(`cannot read the local push service's state ${stateFile}: ${String(err)} (fix or delete it)`);
    }
    for (const s of stored) {
      const ecdh = (0, node_crypto_1.createECDH)('prime256v1');
      ecdh.setPrivateKey(Buffer.from(s.privateKey, 'base64url'));
      this.subscriptions.set(s.id, {
        id: s.id,
        endpoint: s.endpoint,
        createdAt: s.createdAt,
        ecdh,
        authSecret: Buffer.from(s.authSecret, 'base64url'),
        applicationServerKey: s.applicationServerKey,
        deleted: s.deleted,
      });
    }
  }
  save() {
    if (!this.stateFile) return;
    const subscriptions = [...this.subscriptions.values()].map((s) => ({
      id: s.id,
      endpoint: s.endpoint,
      createdAt: s.createdAt,
      privateKey: s.ecdh.getPrivateKey('base64url'),
      authSecret: s.authSecret.toString('base64url'),
      applicationServerKey: s.applicationServerKey,
      deleted: s.deleted,
    }));
    (0, node_fs_1.mkdirSync)((0, node_path_1.dirname)(this.stateFile), { recursive: true });
    // Written aside, then renamed: a crash mid-write never leaves half a file.
    const next = `${this.stateFile}.next`;
    (0, node_fs_1.writeFileSync)(next, `${JSON.stringify({ subscriptions }, null, 2)}\n`, { mode: 0o600 });
    (0, node_fs_1.renameSync)(next, this.stateFile);
  }
  subscribe(applicationServerKey) {
    const id = (0, node_crypto_1.randomUUID)();
    const ecdh = (0, node_crypto_1.createECDH)('prime256v1');
    ecdh.generateKeys();
    const subscription = {
      id,
      endpoint: `${this.origin}/push/${id}`,
      createdAt: new Date().toISOString(),
      ecdh,
      authSecret: (0, node_crypto_1.randomBytes)(web_push_keys_1.AUTH_SECRET_BYTES),
      applicationServerKey,
      deleted: false,
    };
    this.subscriptions.set(id, subscription);
    this.save();
    return {
      endpoint: subscription.endpoint,
      expirationTime: null,
      keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: subscription.authSecret.toString('base64url') },
    };
  }
  received(subscriptionId) {
    const all = subscriptionId ? this.messages.filter((m) => m.subscriptionId === subscriptionId) : this.messages;
    return [...all].reverse();
  }
  /** The HTTP handler. */
  handle = (req, res) => {
    this.route(req, res).catch((err) => {
      if (err instanceof HttpError) send(res, err.status, { error: err.message }, err.headers);
      else send(res, 500, { error: String(err) });
    });
  };
  async route(req, res) {
    const url = new URL(req.url ?? '/', this.origin);
    const path = url.pathname.split('/').filter((s) => s !== '');
    const method = req.method ?? 'GET';
    const [first, id, sub] = path;
    if (method === 'GET' && path.length === 0) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(viewer_1.VIEWER_HTML);
      return;
    }
    if (first === 'push' && id && path.length === 2) {
      if (method !== 'POST') throw new HttpError(405, 'push messages are POSTed', { allow: 'POST' });
      const message = await this.push(req, id, new URL(this.subscriptionOf(id).endpoint).origin);
      send(res, 201, undefined, { location: `${this.origin}/messages/${message.id}` });
      return;
    }
    if (first === 'subscriptions') {
      if (!id && method === 'POST') {
        const { applicationServerKey } = await readJson(req);
        if (
          applicationServerKey !== undefined &&
          (typeof applicationServerKey !== 'string' ||
            !(0, web_push_keys_1.isUncompressedP256Point)(applicationServerKey))
        ) {
          throw new HttpError(400, 'applicationServerKey must be base64url of an uncompressed P-256 public key');
        }
        const subscription = this.subscribe(applicationServerKey);
        send(res, 201, subscription, {
          location: `${this.origin}/subscriptions/${subscription.endpoint.split('/').pop()}`,
        });
        return;
      }
      if (!id && method === 'GET') {
        send(res, 200, {
          subscriptions: [...this.subscriptions.values()].map((s) => ({
            id: s.id,
            endpoint: s.endpoint,
            createdAt: s.createdAt,
            deleted: s.deleted,
            applicationServerKey: s.applicationServerKey ?? null,
            fault: s.fault ?? null,
          })),
        });
        return;
      }
      if (id && !sub && method === 'DELETE') {
        // The browser unsubscribed: from now on its pushes are answered 410 Gone (RFC 8030 §7.3).
        this.subscriptionOf(id, 404).deleted = true;
        this.save();
        send(res, 204);
        return;
      }
      if (id && sub === 'fault' && method === 'PUT') {
        const { status, retryAfter } = await readJson(req);
        if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599) {
          throw new HttpError(400, 'status must be an HTTP error status (400-599)');
        }
        if (retryAfter !== undefined && typeof retryAfter !== 'string') {
          throw new HttpError(400, 'retryAfter must be a string');
        }
        this.subscriptionOf(id, 404).fault = { status, retryAfter };
        send(res, 204);
        return;
      }
      if (id && sub === 'fault' && method === 'DELETE') {
        delete this.subscriptionOf(id, 404).fault;
        send(res, 204);
        return;
      }
    }
    if (first === 'messages' && method === 'GET') {
      if (!id) {
        send(res, 200, { messages: this.received(url.searchParams.get('subscription') ?? undefined) });
        return;
      }
      const message = this.messages.find((m) => m.id === id);
      if (!message) throw new HttpError(404, 'no such message');
      send(res, 200, message);
      return;
    }
    throw new HttpError(404, `no route ${method} ${url.pathname}`);
  }
  /** Pushes to an unknown subscription get 410 Gone, as from a push service that forgot it. */
  subscriptionOf(id, status = 410) {
    const subscription = this.subscriptions.get(id);
    if (!subscription) throw new HttpError(status, 'no such subscription');
    return subscription;
  }
  async push(req, id, audience) {
    const subscription = this.subscriptionOf(id);
    if (subscription.deleted) throw new HttpError(410, 'the subscription was removed');
    if (subscription.fault) {
      const { status, retryAfter } = subscription.fault;
      await readBody(req, MAX_REQUEST_BYTES);
      throw new HttpError(status, 'fault set for this subscription', retryAfter ? { 'retry-after': retryAfter } : {});
    }
    const body = await readBody(req, exports.MAX_PUSH_BODY_BYTES);
    const vapid = (0, rfc8292_1.verifyVapid)(req.headers.authorization, audience);
    if (!vapid.ok) throw new HttpError(401, `VAPID: ${vapid.reason}`, { 'www-authenticate': 'vapid' });
    if (subscription.applicationServerKey && vapid.publicKey !== subscription.applicationServerKey) {
      throw new HttpError(403, 'VAPID: k is not the applicationServerKey this subscription was made for');
    }
    const ttlHeader = req.headers.ttl;
    if (typeof ttlHeader !== 'string' || !/^\d+$/.test(ttlHeader.trim())) {
      throw new HttpError(400, 'TTL header (seconds) is required (RFC 8030 §5.2)');
    }
    const urgency = req.headers.urgency;
    if (urgency !== undefined && (typeof urgency !== 'string' || !URGENCIES.has(urgency))) {
      throw new HttpError(400, 'Urgency must be very-low, low, normal or high (RFC 8030 §5.3)');
    }
    const topic = req.headers.topic;
    if (topic !== undefined && (typeof topic !== 'string' || !/^[A-Za-z0-9_-]{1,32}$/.test(topic))) {
      throw new HttpError(400, 'Topic must be at most 32 base64url characters (RFC 8030 §5.4)');
    }
    const contentEncoding = req.headers['content-encoding'];
    let payload = null;
    if (body.length > 0) {
      if (contentEncoding !== 'aes128gcm') {
        throw new HttpError(415, 'Content-Encoding must be aes128gcm (RFC 8291)');
      }
      try {
        payload = parsePayload((0, rfc8291_1.decryptAes128gcm)(body, subscription));
      } catch (err) {
        if (err instanceof rfc8291_1.DecryptionError) throw new HttpError(400, `cannot decrypt: ${err.message}`);
        throw err;
      }
    }
    const message = {
      id: (0, node_crypto_1.randomUUID)(),
      subscriptionId: id,
      receivedAt: new Date().toISOString(),
      headers: { ttl: Number(ttlHeader), urgency, topic, contentEncoding },
      vapid: { ...vapid.claims, k: vapid.publicKey },
      payload,
    };
    this.messages.push(message);
    if (this.messages.length > MAX_STORED_MESSAGES) this.messages.shift();
    return message;
  }
}
exports.LocalPushService = LocalPushService;
/** Serves a local push service on host:port (0: any free port); `stateFile` keeps its subscriptions. */
async function startLocalPushServer(host = '127.0.0.1', port = stand_ins_1.DEFAULT_LOCAL_PUSH_PORT, opts = {}) {
  const service = new LocalPushService(opts.stateFile);
  const server = (0, node_http_1.createServer)(service.handle);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const hostPart = reachable.includes(':') ? `[${reachable}]` : reachable;
  service.origin = `http://${hostPart}:${address.port}`;
  return {
    server,
    service,
    url: service.origin,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
//# sourceMappingURL=push-service.js.map
