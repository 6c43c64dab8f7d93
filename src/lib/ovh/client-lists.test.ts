// @vitest-environment node
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createOvhClient, type OvhClientOptions } from './client.ts';
import type { ApiTarget } from './target.ts';

const base = 'https://eu.api.ovh.com/1.0';
const farmsPath = '/ipLoadbalancing/lb-1/http/farm';
const farmsUrl = `${base}${farmsPath}`;

interface Farm {
  farmId: number;
  displayName: string;
}
const farms = (count: number): Farm[] => Array.from({ length: count }, (_, index) => ({ farmId: index + 1, displayName: `farm ${index + 1}` }));

interface Received {
  url: string;
  path: string;
  headers: Record<string, string>;
}

const server = setupServer();
let received: Received[];
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  received = [];
  server.events.on('request:start', ({ request }) => {
    received.push({ url: request.url, path: new URL(request.url).pathname, headers: Object.fromEntries(request.headers) });
  });
});
afterEach(() => {
  server.resetHandlers();
  server.events.removeAllListeners();
});
afterAll(() => server.close());

/** A fresh target each time: what a target supports is remembered per target object. */
function target(): ApiTarget {
  return { kind: 'ovh-eu', label: 'OVH Europe', requestBase: base, signatureBase: base };
}
function client(apiTarget = target(), options: OvhClientOptions = {}) {
  return createOvhClient(apiTarget, { rateLimit: false, sleep: async () => {}, ...options });
}

const paged = (request: Request) => request.headers.get('X-Pagination-Mode') === 'CachedObjectList-Pages';
const listCalls = () => received.filter((entry) => entry.path === `/1.0${farmsPath}`);
const itemCalls = () => received.filter((entry) => /\/farm\/\d+$/.test(entry.path));
const batchCalls = () => received.filter((entry) => entry.headers['x-ovh-batch'] !== undefined);

/** Server with real expanded-list support: pages of objects plus X-Pagination-Elements. */
function expandedListServer(all: Farm[], { totalHeader = true } = {}) {
  return http.get(farmsUrl, ({ request }) => {
    if (!paged(request)) return HttpResponse.json(all.map((farm) => farm.farmId));
    const size = Number(request.headers.get('X-Pagination-Size'));
    const page = Number(request.headers.get('X-Pagination-Number'));
    const rows = all.slice((page - 1) * size, page * size);
    return HttpResponse.json(rows, totalHeader ? { headers: { 'X-Pagination-Elements': String(all.length) } } : {});
  });
}

/** Server without expanded lists or batch: ids on the list route, one object per id, slowly. */
function idsServer(all: Farm[], tracker = { inFlight: 0, max: 0 }, listAnswer?: (request: Request) => Response | undefined) {
  return [
    http.get(farmsUrl, ({ request }) => listAnswer?.(request) ?? HttpResponse.json(all.map((farm) => farm.farmId))),
    http.get(`${farmsUrl}/:id`, async ({ params }) => {
      tracker.inFlight++;
      tracker.max = Math.max(tracker.max, tracker.inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      tracker.inFlight--;
      const farm = all.find((candidate) => String(candidate.farmId) === params.id);
      return farm ? HttpResponse.json(farm) : HttpResponse.json({ class: 'Client::NotFound', message: 'gone' }, { status: 404 });
    }),
  ];
}

describe('list: expanded lists', () => {
  it('loads 12 objects in pages of 5 with 3 requests', async () => {
    server.use(expandedListServer(farms(12)));
    const result = await client().list<Farm>(farmsPath, { pageSize: 5 });
    expect(result).toEqual(farms(12));
    expect(received.map((entry) => entry.headers['x-pagination-number'])).toEqual(['1', '2', '3']);
    for (const entry of received) {
      expect(entry.headers['x-pagination-mode']).toBe('CachedObjectList-Pages');
      expect(entry.headers['x-pagination-size']).toBe('5');
    }
  });

  it('uses a page size of 5000 by default, and one request is enough', async () => {
    server.use(expandedListServer(farms(12)));
    await expect(client().list<Farm>(farmsPath)).resolves.toHaveLength(12);
    expect(received).toHaveLength(1);
    expect(received[0]?.headers['x-pagination-size']).toBe('5000');
  });

  it('walks pages until a short one when the total is not readable', async () => {
    server.use(expandedListServer(farms(12), { totalHeader: false }));
    await expect(client().list<Farm>(farmsPath, { pageSize: 5 })).resolves.toEqual(farms(12));
    expect(received).toHaveLength(3);

    received = [];
    server.use(expandedListServer(farms(10), { totalHeader: false }));
    await expect(client().list<Farm>(farmsPath, { pageSize: 5 })).resolves.toEqual(farms(10));
    expect(received.map((entry) => entry.headers['x-pagination-number'])).toEqual(['1', '2', '3']);
  });

  it('stops after one request when the server ignored the page size and sent everything', async () => {
    server.use(
      http.get(farmsUrl, () => HttpResponse.json(farms(12), { headers: { 'X-Pagination-Elements': '12' } })),
    );
    await expect(client().list<Farm>(farmsPath, { pageSize: 5 })).resolves.toEqual(farms(12));
    expect(received).toHaveLength(1);
  });

  it('does not loop forever when the page number is ignored and no total is given', async () => {
    server.use(http.get(farmsUrl, () => HttpResponse.json(farms(5))));
    await expect(client().list<Farm>(farmsPath, { pageSize: 5 })).resolves.toEqual(farms(5));
    expect(received).toHaveLength(2);
  });

  it('keeps the query string on every page', async () => {
    server.use(expandedListServer(farms(7)));
    await client().list<Farm>(farmsPath, { pageSize: 5, query: { zone: 'gra' } });
    expect(received.map((entry) => new URL(entry.url).search)).toEqual(['?zone=gra', '?zone=gra']);
  });

  it('gives an empty list for an empty collection', async () => {
    server.use(expandedListServer([]));
    await expect(client().list<Farm>(farmsPath)).resolves.toEqual([]);
    expect(received).toHaveLength(1);
  });
});

describe('list: server answering ids', () => {
  it('fetches each id with at most 8 requests in flight, in order, and remembers it for the target', async () => {
    const all = farms(30);
    const tracker = { inFlight: 0, max: 0 };
    server.use(...idsServer(all, tracker));
    const apiTarget = target();

    await expect(client(apiTarget).list<Farm>(farmsPath)).resolves.toEqual(all);
    expect(listCalls()).toHaveLength(1);
    expect(listCalls()[0]?.headers['x-pagination-mode']).toBe('CachedObjectList-Pages');
    expect(itemCalls().map((entry) => entry.path.split('/').pop()).sort((a, b) => Number(a) - Number(b))).toEqual(
      all.map((farm) => String(farm.farmId)),
    );
    expect(tracker.max).toBeLessThanOrEqual(8);
    expect(tracker.max).toBeGreaterThan(1);

    // Second time (even from another client for the same target): no expanded-list probe.
    received = [];
    await expect(client(apiTarget).list<Farm>(farmsPath)).resolves.toEqual(all);
    expect(listCalls()).toHaveLength(1);
    expect(listCalls()[0]?.headers['x-pagination-mode']).toBeUndefined();
    expect(itemCalls()).toHaveLength(30);
  });

  it('honours a custom concurrency', async () => {
    const tracker = { inFlight: 0, max: 0 };
    server.use(...idsServer(farms(10), tracker));
    await client(target(), { concurrency: 3 }).list<Farm>(farmsPath);
    expect(tracker.max).toBe(3);
  });

  it('skips ids deleted between the listing and the fetch', async () => {
    const all = farms(5);
    server.use(
      http.get(farmsUrl, () => HttpResponse.json([...all.map((farm) => farm.farmId), 99])),
      ...idsServer(all).slice(1),
    );
    await expect(client().list<Farm>(farmsPath)).resolves.toEqual(all);
  });

  it.each([400, 403, 405])('retries without the header when it is refused with %i, then remembers', async (status) => {
    const all = farms(4);
    server.use(
      ...idsServer(all, undefined, (request) =>
        paged(request) ? HttpResponse.json({ message: 'Invalid header' }, { status }) : undefined,
      ),
    );
    const apiTarget = target();
    await expect(client(apiTarget).list<Farm>(farmsPath)).resolves.toEqual(all);
    expect(listCalls().map((entry) => entry.headers['x-pagination-mode'])).toEqual(['CachedObjectList-Pages', undefined]);

    received = [];
    await client(apiTarget).list<Farm>(farmsPath);
    expect(listCalls().map((entry) => entry.headers['x-pagination-mode'])).toEqual([undefined]);
  });

  it('falls back when the header makes the request fail outright (CORS preflight refused)', async () => {
    const all = farms(3);
    server.use(...idsServer(all));
    let probes = 0;
    const corsFetch: typeof fetch = async (input, init) => {
      if (new Headers(init?.headers).has('X-Pagination-Mode')) {
        probes++;
        throw new TypeError('Failed to fetch');
      }
      return fetch(input, init);
    };
    await expect(client(target(), { fetch: corsFetch }).list<Farm>(farmsPath)).resolves.toEqual(all);
    expect(probes).toBe(1);
  });

  it('does not remember a refusal that was a real error (route not granted)', async () => {
    server.use(http.get(farmsUrl, () => HttpResponse.json({ message: 'This call has not been granted' }, { status: 403 })));
    const apiTarget = target();
    await expect(client(apiTarget).list<Farm>(farmsPath)).rejects.toMatchObject({ status: 403 });
    received = [];
    await expect(client(apiTarget).list<Farm>(farmsPath)).rejects.toMatchObject({ status: 403 });
    expect(listCalls()[0]?.headers['x-pagination-mode']).toBe('CachedObjectList-Pages');
  });

  it('returns objects directly when the plain route already gives objects', async () => {
    const all = farms(3);
    server.use(
      http.get(farmsUrl, ({ request }) =>
        paged(request) ? HttpResponse.json({ message: 'no' }, { status: 400 }) : HttpResponse.json(all),
      ),
    );
    await expect(client().list<Farm>(farmsPath)).resolves.toEqual(all);
    expect(received).toHaveLength(2);
  });
});

describe('list and getMany: batch GETs', () => {
  /** Server with batch support (and no expanded lists). */
  function batchServer(all: Farm[], { failing = [] as number[] } = {}) {
    return [
      http.get(farmsUrl, () => HttpResponse.json(all.map((farm) => farm.farmId))),
      http.get(`${farmsUrl}/:ids`, ({ request, params }) => {
        const ids = String(params.ids).split(',');
        if (request.headers.get('X-Ovh-Batch') !== ',') {
          const farm = all.find((candidate) => String(candidate.farmId) === ids[0]);
          return farm && ids.length === 1 ? HttpResponse.json(farm) : HttpResponse.json({ message: 'not found' }, { status: 404 });
        }
        return HttpResponse.json(
          ids.map((key) => {
            const farm = all.find((candidate) => String(candidate.farmId) === key);
            return farm && !failing.includes(farm.farmId)
              ? { key: Number(key), value: farm, error: null }
              : { key: Number(key), value: null, error: 'The requested object does not exist' };
          }),
        );
      }),
    ];
  }

  it('fetches ids in chunks of 50 with X-Ovh-Batch', async () => {
    const all = farms(120);
    server.use(...batchServer(all));
    await expect(client(target(), { batch: true }).list<Farm>(farmsPath)).resolves.toEqual(all);
    expect(batchCalls()).toHaveLength(3);
    expect(batchCalls().map((entry) => entry.headers['x-ovh-batch'])).toEqual([',', ',', ',']);
    const chunks = batchCalls().map((entry) => decodeURIComponent(entry.path.split('/').pop() ?? '').split(','));
    expect(chunks.map((chunk) => chunk.length).sort()).toEqual([20, 50, 50]);
    expect(chunks.flat().sort((a, b) => Number(a) - Number(b))).toEqual(all.map((farm) => String(farm.farmId)));
    expect(itemCalls()).toHaveLength(0);
  });

  it('re-asks one by one for the items the batch reported an error for', async () => {
    const all = farms(6);
    server.use(...batchServer(all, { failing: [2, 5] }));
    await expect(client(target(), { batch: true }).getMany<Farm>(farmsPath, [1, 2, 3, 4, 5, 6])).resolves.toEqual(all);
    expect(batchCalls()).toHaveLength(1);
    expect(itemCalls().map((entry) => entry.path.split('/').pop())).toEqual(['2', '5']);
  });

  it('getMany throws for a missing id unless asked to skip it', async () => {
    const all = farms(3);
    server.use(...batchServer(all));
    await expect(client(target(), { batch: true }).getMany<Farm>(farmsPath, [1, 7])).rejects.toMatchObject({ status: 404 });
    await expect(client(target(), { batch: true }).getMany<Farm>(farmsPath, [3, 7, 1], { skipMissing: true })).resolves.toEqual([
      all[2],
      all[0],
    ]);
  });

  it.each([
    ['an object instead of an array', () => HttpResponse.json({ farmId: 1 })],
    ['an array of objects without key/value', () => HttpResponse.json(farms(3))],
    ['a 400', () => HttpResponse.json({ message: 'Invalid id' }, { status: 400 })],
  ])('falls back to per-id GETs when the batch answer is %s, and stops trying batch', async (_name, batchAnswer) => {
    const all = farms(3);
    server.use(
      http.get(`${farmsUrl}/:id`, ({ request, params }) =>
        request.headers.has('X-Ovh-Batch') ? batchAnswer() : HttpResponse.json(all[Number(params.id) - 1]),
      ),
    );
    const apiTarget = target();
    await expect(client(apiTarget, { batch: true }).getMany<Farm>(farmsPath, [1, 2, 3])).resolves.toEqual(all);
    expect(batchCalls()).toHaveLength(1);
    expect(itemCalls().filter((entry) => !entry.headers['x-ovh-batch'])).toHaveLength(3);

    received = [];
    await expect(client(apiTarget, { batch: true }).getMany<Farm>(farmsPath, [3, 1])).resolves.toEqual([all[2], all[0]]);
    expect(batchCalls()).toHaveLength(0);
    expect(received).toHaveLength(2);
  });

  it('getMany uses per-id GETs unless batch is asked, and sends nothing for no ids', async () => {
    const all = farms(3);
    server.use(...batchServer(all));
    const api = client();
    await expect(api.getMany<Farm>(farmsPath, [])).resolves.toEqual([]);
    expect(received).toHaveLength(0);
    await expect(api.getMany<Farm>(farmsPath, [2, 1])).resolves.toEqual([all[1], all[0]]);
    expect(batchCalls()).toHaveLength(0);
    await expect(api.getMany<Farm>(farmsPath, [2, 1], { batch: true })).resolves.toEqual([all[1], all[0]]);
    expect(batchCalls()).toHaveLength(1);
  });

  it('encodes string ids, keeping the separator', async () => {
    server.use(
      http.get(`${base}/ipLoadbalancing/lb-1/ssl/:ids`, () =>
        HttpResponse.json([
          { key: 'a b', value: { id: 'a b' } },
          { key: 'c/d', value: { id: 'c/d' } },
        ]),
      ),
    );
    await expect(client(target(), { batch: true }).getMany(['ipLoadbalancing', 'lb-1', 'ssl'], ['a b', 'c/d'])).resolves.toEqual([
      { id: 'a b' },
      { id: 'c/d' },
    ]);
    expect(received[0]?.url).toBe(`${base}/ipLoadbalancing/lb-1/ssl/a%20b,c%2Fd`);
  });
});
