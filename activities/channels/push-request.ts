// One POST to a push service, made only to a public address. The endpoint's host name is resolved
// here and every address it gives is checked before connecting (a name that resolves to 10.0.0.5
// or 127.0.0.1 is refused), and the socket's peer is checked again once connected: the address
// connected to is the one that was checked, so DNS rebinding between check and connect gains nothing.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction, Socket } from 'node:net';
import { nonPublicAddressReason } from '../../common/ip-address';
import { isLoopbackHost } from '../../common/push-subscription';

export interface PushResponse {
  status: number;
  location: string | undefined;
  retryAfter: string | null;
}

/** The endpoint's host is, or resolves to, an address we do not send to. */
export class PushAddressRefused extends Error {
  override readonly name = 'PushAddressRefused';
}

export class PushTimeout extends Error {
  override readonly name = 'PushTimeout';
}

// A push service answers with a few headers and at most a short text; more is not a push service.
const MAX_RESPONSE_BYTES = 64 * 1024;

function allowed(address: string, allowLoopback: boolean): boolean {
  return nonPublicAddressReason(address) === undefined || (allowLoopback && isLoopbackHost(address));
}

/** dns.lookup that answers only when every address of the name may be reached. */
function publicOnlyLookup(allowLoopback: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const refused = addresses.find((a) => !allowed(a.address, allowLoopback));
      if (refused || addresses.length === 0) {
        return callback(new PushAddressRefused(`${hostname} resolves to ${refused?.address ?? 'nothing'}`), '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const [first] = addresses as [LookupAddress];
      callback(null, first.address, first.family);
    });
  };
}

export function postToPushService(
  endpoint: string,
  headers: Record<string, string>,
  body: Buffer,
  opts: { timeoutMs: number; allowLoopback: boolean },
): Promise<PushResponse> {
  const url = new URL(endpoint);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const options: RequestOptions = {
    method: 'POST',
    headers: { ...headers, 'content-length': String(body.length) },
    lookup: publicOnlyLookup(opts.allowLoopback),
    agent: false, // a fresh, checked connection per push: no pooled socket to another address
  };
  return new Promise((resolve, reject) => {
    const req = send(url, options, (res: IncomingMessage) => {
      let size = 0;
      res.on('data', (chunk: Buffer) => {
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
    req.on('socket', (socket: Socket) => {
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
