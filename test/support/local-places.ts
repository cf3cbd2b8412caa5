// Local endpoints answering in the hosted places services' documented JSON shapes, for the address
// adapters' tests: Google Places API (New) `POST /v1/places:autocomplete` (key in X-Goog-Api-Key)
// and Mapbox Search Box `GET /search/searchbox/v1/suggest` (access_token in the query). Each keeps
// what it received; `behaviour` makes it fail (500) or never answer.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export type PlacesBehaviour = 'ok' | 'error' | 'hang';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  query: URLSearchParams;
  body: unknown;
}

export interface LocalPlaces {
  url: string;
  received: ReceivedRequest[];
  behaviour: PlacesBehaviour;
  close(): Promise<void>;
}

/** Berlin's streets that start with what was typed; the answer in each service's shape. */
const STREETS = [
  { street: 'Friedrichstraße 43', postcode: '10117', district: 'Mitte' },
  { street: 'Friedenstraße 12', postcode: '10249', district: 'Friedrichshain' },
];

function googleAnswer(input: string) {
  const matches = STREETS.filter((s) => s.street.toLowerCase().startsWith(input.toLowerCase()));
  return {
    suggestions: matches.map((s, i) => ({
      placePrediction: {
        place: `places/ChIJlocal${i}`,
        placeId: `ChIJlocal${i}`,
        text: { text: `${s.street}, ${s.postcode} Berlin, Germany`, matches: [{ endOffset: input.length }] },
        structuredFormat: {
          mainText: { text: s.street, matches: [{ endOffset: input.length }] },
          secondaryText: { text: `${s.postcode} Berlin, Germany` },
        },
        types: ['street_address', 'geocode'],
      },
    })),
  };
}

function mapboxAnswer(q: string) {
  const matches = STREETS.filter((s) => s.street.toLowerCase().startsWith(q.toLowerCase()));
  return {
    suggestions: matches.map((s, i) => ({
      name: s.street,
      mapbox_id: `dXJuOm1ieGFkcjpsb2NhbC${i}`,
      feature_type: 'address',
      address: s.street,
      full_address: `${s.street}, ${s.postcode} Berlin, Germany`,
      place_formatted: `${s.postcode} Berlin, Germany`,
      context: {
        country: { name: 'Germany', country_code: 'DE', country_code_alpha_3: 'DEU' },
        region: { name: 'Berlin', region_code: 'BE', region_code_full: 'DE-BE' },
        postcode: { name: s.postcode },
        place: { name: 'Berlin' },
        locality: { name: s.district },
      },
      language: 'en',
      maki: 'marker',
    })),
    attribution: '© 2026 Mapbox and its suppliers. All rights reserved.',
  };
}

export async function startLocalPlaces(): Promise<LocalPlaces> {
  const received: ReceivedRequest[] = [];
  const state = { behaviour: 'ok' as PlacesBehaviour };
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://local');
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    received.push({
      method: req.method ?? '',
      path: url.pathname,
      headers: req.headers,
      query: url.searchParams,
      body,
    });
    if (state.behaviour === 'hang') return; // never answers
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    if (state.behaviour === 'error') return json(500, { error: { code: 500, status: 'INTERNAL' } });
    if (req.method === 'POST' && url.pathname === '/v1/places:autocomplete') {
      if (!req.headers['x-goog-api-key'])
        return json(403, { error: { code: 403, message: 'The request is missing a valid API key.' } });
      return json(200, googleAnswer(String(body?.input ?? '')));
    }
    if (req.method === 'GET' && url.pathname === '/search/searchbox/v1/suggest') {
      if (!url.searchParams.get('access_token')) return json(401, { message: 'Not Authorized - No Token' });
      return json(200, mapboxAnswer(url.searchParams.get('q') ?? ''));
    }
    json(404, { message: 'Not Found' });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    received,
    get behaviour() {
      return state.behaviour;
    },
    set behaviour(value: PlacesBehaviour) {
      state.behaviour = value;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
