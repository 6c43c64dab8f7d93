// Runs in the default jsdom environment, where feature tests use the client.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createOvhClient } from './client.ts';

const base = 'https://eu.api.ovh.com/1.0';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

it('signs with Web Crypto and lists through msw under jsdom', async () => {
  expect(typeof window).toBe('object');
  const signatures: (string | null)[] = [];
  server.use(
    http.get(`${base}/auth/time`, () => HttpResponse.json(1457018875)),
    http.get(`${base}/ipLoadbalancing/loadbalancer-0123/http/farm`, ({ request }) => {
      signatures.push(request.headers.get('X-Ovh-Signature'));
      return HttpResponse.json([{ farmId: 1 }], { headers: { 'X-Pagination-Elements': '1' } });
    }),
  );
  const api = createOvhClient(
    {
      kind: 'ovh-eu',
      label: 'OVH Europe',
      requestBase: base,
      signatureBase: base,
      credentials: {
        applicationKey: 'TDPKJdwZwAQPwKX2',
        applicationSecret: '9ufkBmLaTQ9nz5yMUlg79taH0GNnzDjk',
        consumerKey: '5mBuy6SUQcRw2ZUxg0cG68BoDKpED4KY',
      },
    },
    { now: () => 1457018875_000 },
  );
  await expect(api.list('/ipLoadbalancing/loadbalancer-0123/http/farm', { query: { zone: 'gra' } })).resolves.toEqual([{ farmId: 1 }]);
  // Set D vector: GET …/http/farm?zone=gra
  expect(signatures).toEqual(['$1$9d83153c79e52a1f3bf54216f695c7ffaac81d0c']);
});
