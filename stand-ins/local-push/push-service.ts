// A local web push service: the push service of RFC 8030 and the browser behind it in one. It
// hands out test subscriptions whose private keys it keeps, accepts push messages only with a
// valid VAPID claim (RFC 8292), decrypts them as the browser would (RFC 8291) and shows them.
import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import type { PushSubscriptionJSON } from '../../common/push-subscription';
import { AUTH_SECRET_BYTES, isUncompressedP256Point } from '../../common/web-push-keys';
import { DEFAULT_LOCAL_PUSH_PORT } from '../../config/stand-ins';
import { DecryptionError, decryptAes128gcm } from './rfc8291';
import { type VapidClaims, verifyVapid } from './rfc8292';
import { VIEWER_HTML } from './viewer';

export { DEFAULT_LOCAL_PUSH_PORT };
/** RFC 8030 §7.2 and RFC 8291 §4: push services take bodies of up to 4096 bytes. */
export const MAX_PUSH_BODY_BYTES = 4096;
/** Requests beyond this are not read at all (subscriptions and faults are tiny JSON). */
const MAX_REQUEST_BYTES = 64 * 1024;
/** The viewer shows recent messages; older ones are forgotten so a long dev session stays small. */
const MAX_STORED_MESSAGES = 1000;
const URGENCIES = new Set(['very-low', 'low', 'normal', 'high']);

export interface ReceivedPush {
  id: string;
  subscriptionId: string;
  receivedAt: string;
  headers: { ttl: number; urgency?: string; topic?: string; contentEncoding?: string };
  /** The verified VAPID claim: who sent it (k, sub) and for whom (aud). */
  vapid: VapidClaims & { k: string };
  /** The decrypted body, JSON-parsed when it is JSON; null for a push without payload. */
  payload: unknown;
}

/** A response a subscription gives every push until cleared: how tests meet push services' errors. */
export interface PushFault {
  status: number;
  retryAfter?: string;
}

interface Subscription {
  id: string;
  endpoint: string;
  createdAt: string;
  ecdh: ReturnType<typeof createECDH>;
  authSecret: Buffer;
  /** RFC 8292 §3.2: a subscription made with an applicationServerKey accepts only that key. */
  applicationServerKey?: string;
  deleted: boolean;
  fault?: PushFault;
}

/** A subscription as kept in the state file: its keys, so it still decrypts after a restart. */
interface StoredSubscription {
  id: string;
  endpoint: string;
  createdAt: string;
  privateKey: string;
  authSecret: string;
  applicationServerKey?: string;
  deleted: boolean;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) throw new HttpError(413, `request body over ${MAX_REQUEST_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  if (size > limit) throw new HttpError(413, `push message body of ${size} bytes is over ${limit}`);
  return Buffer.concat(chunks);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readBody(req, MAX_REQUEST_BYTES);
  if (body.length === 0) return {};
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new HttpError(400, 'body must be a JSON object');
}

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body, null, 2);
  res.writeHead(status, {
    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

function parsePayload(plaintext: Buffer): unknown {
  const text = plaintext.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export class LocalPushService {
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly messages: ReceivedPush[] = [];
  /** Where clients reach the service: subscriptions' endpoints start with it. Set once listening. */
  origin = 'http://127.0.0.1';

  /**
   * With a `stateFile`, subscriptions (and their private keys) are kept there, so a checkout that
   * sleeps through a restart of `npm start` still reaches its subscription. Received messages are not.
   */
  constructor(private readonly stateFile?: string) {
    if (!stateFile) return;
    let stored: StoredSubscription[];
    try {
      stored = (JSON.parse(readFileSync(stateFile, 'utf8')) as { subscriptions: StoredSubscription[] }).subscriptions;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw new Error(`cannot read the local push service's state ${stateFile}: ${String(err)} (fix or delete it)`);
    }
    for (const s of stored) {
      const ecdh = createECDH('prime256v1');
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

  private save(): void {
    if (!this.stateFile) return;
    const subscriptions: StoredSubscription[] = [...this.subscriptions.values()].map((s) => ({
      id: s.id,
      endpoint: s.endpoint,
      createdAt: s.createdAt,
      privateKey: s.ecdh.getPrivateKey('base64url'),
      authSecret: s.authSecret.toString('base64url'),
      applicationServerKey: s.applicationServerKey,
      deleted: s.deleted,
    }));
    mkdirSync(dirname(this.stateFile), { recursive: true });
    // Written aside, then renamed: a crash mid-write never leaves half a file.
    const next = `${this.stateFile}.next`;
    writeFileSync(next, `${JSON.stringify({ subscriptions }, null, 2)}\n`, { mode: 0o600 });
    renameSync(next, this.stateFile);
  }

  subscribe(applicationServerKey?: string): PushSubscriptionJSON {
    const id = randomUUID();
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const subscription: Subscription = {
      id,
      endpoint: `${this.origin}/push/${id}`,
      createdAt: new Date().toISOString(),
      ecdh,
      authSecret: randomBytes(AUTH_SECRET_BYTES),
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

  received(subscriptionId?: string): ReceivedPush[] {
    const all = subscriptionId ? this.messages.filter((m) => m.subscriptionId === subscriptionId) : this.messages;
    return [...all].reverse();
  }

  /** The HTTP handler. */
  readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
    this.route(req, res).catch((err: unknown) => {
      if (err instanceof HttpError) send(res, err.status, { error: err.message }, err.headers);
      else send(res, 500, { error: String(err) });
    });
  };

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const path = url.pathname.split('/').filter((s) => s !== '');
    const method = req.method ?? 'GET';
    const [first, id, sub] = path;

    if (method === 'GET' && path.length === 0) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(VIEWER_HTML);
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
          (typeof applicationServerKey !== 'string' || !isUncompressedP256Point(applicationServerKey))
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
  private subscriptionOf(id: string, status: 404 | 410 = 410): Subscription {
    const subscription = this.subscriptions.get(id);
    if (!subscription) throw new HttpError(status, 'no such subscription');
    return subscription;
  }

  private async push(req: IncomingMessage, id: string, audience: string): Promise<ReceivedPush> {
    const subscription = this.subscriptionOf(id);
    if (subscription.deleted) throw new HttpError(410, 'the subscription was removed');
    if (subscription.fault) {
      const { status, retryAfter } = subscription.fault;
      await readBody(req, MAX_REQUEST_BYTES);
      throw new HttpError(status, 'fault set for this subscription', retryAfter ? { 'retry-after': retryAfter } : {});
    }
    const body = await readBody(req, MAX_PUSH_BODY_BYTES);

    const vapid = verifyVapid(req.headers.authorization, audience);
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
    let payload: unknown = null;
    if (body.length > 0) {
      if (contentEncoding !== 'aes128gcm') {
        throw new HttpError(415, 'Content-Encoding must be aes128gcm (RFC 8291)');
      }
      try {
        payload = parsePayload(decryptAes128gcm(body, subscription));
      } catch (err) {
        if (err instanceof DecryptionError) throw new HttpError(400, `cannot decrypt: ${err.message}`);
        throw err;
      }
    }
    const message: ReceivedPush = {
      id: randomUUID(),
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

export interface LocalPushServer {
  server: Server;
  service: LocalPushService;
  /** http://host:port, as a client on this machine reaches it. */
  url: string;
  close(): Promise<void>;
}

/** Serves a local push service on host:port (0: any free port); `stateFile` keeps its subscriptions. */
export async function startLocalPushServer(
  host = '127.0.0.1',
  port = DEFAULT_LOCAL_PUSH_PORT,
  opts: { stateFile?: string } = {},
): Promise<LocalPushServer> {
  const service = new LocalPushService(opts.stateFile);
  const server = createServer(service.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const hostPart = reachable.includes(':') ? `[${reachable}]` : reachable;
  service.origin = `http://${hostPart}:${address.port}`;
  return {
    server,
    service,
    url: service.origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
