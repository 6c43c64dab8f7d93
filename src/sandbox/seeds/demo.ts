import type { SandboxState } from '../state';
import { SeedBuilder } from './builder';

export const demoServiceNames = {
  /** one zone (gra): a web shop with HTTP, TCP and UDP */
  gra: 'loadbalancer-demo-gra',
  /** two zones (rbx, sbg): frontends in zone `all`, pending changes waiting */
  multi: 'loadbalancer-demo-multi',
} as const;

/**
 * The default seed. Ids are stable (see the report in docs): frontends from 1001, farms from 2001,
 * servers from 5001, routes from 7001, rules from 9001, certificates from 301, tasks from 60001.
 */
export function buildDemoSeed(now: number): SandboxState {
  const seed = new SeedBuilder('demo', now);

  // ---- loadbalancer-demo-gra
  const gra = seed.service(demoServiceNames.gra, { zones: ['gra'], displayName: 'Web shop (Gravelines)', ipv4: '203.0.113.10' });
  gra.failover = ['198.51.100.20/32'];
  const shopCert = seed.ssl(gra, { commonName: 'shop.example.com', san: ['shop.example.com', 'www.shop.example.com'], expiresInDays: 210, displayName: 'Shop (Sectigo)' });
  seed.ssl(gra, { commonName: 'api.example.com', expiresInDays: 18, type: 'built', displayName: "api (Let's Encrypt)" });
  seed.ssl(gra, { commonName: '*.example.com', san: ['*.example.com', 'example.com'], expiresInDays: 320, displayName: 'Wildcard' });

  const web = seed.farm(gra, 'http', {
    zone: 'gra',
    displayName: 'shop-web',
    port: 80,
    balance: 'roundrobin',
    stickiness: 'cookie',
    probe: { type: 'http', method: 'GET', url: '/healthz', match: 'status', pattern: '200', interval: 30 },
  });
  const api = seed.farm(gra, 'http', {
    zone: 'gra',
    displayName: 'shop-api',
    port: 8080,
    balance: 'leastconn',
    probe: { type: 'http', method: 'HEAD', url: '/ping', match: 'default', interval: 60 },
  });
  const assets = seed.farm(gra, 'http', { zone: 'gra', displayName: 'static-assets', port: 80 });
  const db = seed.farm(gra, 'tcp', { zone: 'gra', displayName: 'postgres-primary', port: 5432, balance: 'first', probe: { type: 'pgsql', interval: 30 } });
  const smtp = seed.farm(gra, 'tcp', { zone: 'gra', displayName: 'smtp-relay', port: 25, probe: { type: 'smtp', interval: 120 } });
  const dns = seed.farm(gra, 'udp', { zone: 'gra', displayName: 'dns-resolvers', port: 53 });

  seed.server(gra, 'http', web, { address: '10.0.1.11', displayName: 'web-01', cookie: 'web01' });
  seed.server(gra, 'http', web, { address: '10.0.1.12', displayName: 'web-02', cookie: 'web02' });
  seed.server(gra, 'http', web, { address: '10.0.1.13', displayName: 'web-03', cookie: 'web03' }, 'down');
  seed.server(gra, 'http', web, { address: '10.0.1.14', displayName: 'web-04', cookie: 'web04' }, 'flapping');
  seed.server(gra, 'http', web, { address: '10.0.1.15', displayName: 'web-05 (maintenance)', status: 'inactive' });
  seed.server(gra, 'http', api, { address: '10.0.2.21', displayName: 'api-01', port: 8080, weight: 2 });
  seed.server(gra, 'http', api, { address: '10.0.2.22', displayName: 'api-02', port: 8080 });
  seed.server(gra, 'http', api, { address: '10.0.2.23', displayName: 'api-canary', port: 8080, weight: 0, backup: true });
  seed.server(gra, 'http', assets, { address: '10.0.3.31', displayName: 'assets-01', probe: false });
  seed.server(gra, 'http', assets, { address: '10.0.3.32', displayName: 'assets-02', probe: false });
  seed.server(gra, 'tcp', db, { address: '10.0.4.41', displayName: 'pg-primary' });
  seed.server(gra, 'tcp', db, { address: '10.0.4.42', displayName: 'pg-standby', backup: true });
  seed.server(gra, 'tcp', smtp, { address: '10.0.5.51', displayName: 'mx-01' });
  seed.server(gra, 'udp', dns, { address: '10.0.6.61', displayName: 'resolver-01' });
  seed.server(gra, 'udp', dns, { address: '10.0.6.62', displayName: 'resolver-02' });

  const https = seed.frontend(gra, 'http', {
    zone: 'gra',
    port: '443',
    displayName: 'shop-https',
    ssl: true,
    hsts: true,
    defaultFarmId: web.farmId,
    defaultSslId: shopCert.id,
    httpHeader: ['X-Forwarded-For %ci'],
  });
  seed.frontend(gra, 'http', { zone: 'gra', port: '80', displayName: 'shop-http-redirect', redirectLocation: 'https://shop.example.com' });
  seed.frontend(gra, 'tcp', { zone: 'gra', port: '5432', displayName: 'postgres', defaultFarmId: db.farmId, allowedSource: ['198.51.100.0/24'] });
  seed.frontend(gra, 'tcp', { zone: 'gra', port: '25,587', displayName: 'smtp', defaultFarmId: smtp.farmId, deniedSource: ['192.0.2.0/24'] });
  seed.frontend(gra, 'udp', { zone: 'gra', port: '53', displayName: 'dns', defaultFarmId: dns.farmId });

  seed.route(
    gra,
    'http',
    { displayName: 'API to api farm', frontendId: https.frontendId, weight: 10, action: { type: 'farm', target: String(api.farmId) } },
    [
      { field: 'host', match: 'is', pattern: 'shop.example.com', displayName: 'shop host' },
      { field: 'uri', match: 'startswith', pattern: '/api/', displayName: 'API prefix' },
    ],
  );
  seed.route(
    gra,
    'http',
    { displayName: 'Block admin from outside', frontendId: https.frontendId, weight: 5, action: { type: 'reject', status: 403 } },
    [
      { field: 'uri', match: 'startswith', pattern: '/admin' },
      { field: 'source', match: 'in', pattern: '10.0.0.0/8', negate: true },
    ],
  );
  seed.route(
    gra,
    'http',
    { displayName: 'Assets', frontendId: https.frontendId, weight: 20, action: { type: 'farm', target: String(assets.farmId) } },
    [{ field: 'uri', match: 'startswith', pattern: '/static/' }],
  );
  seed.doneTask(gra, { action: 'installIplb', zones: ['gra'], daysAgo: 400 });
  seed.doneTask(gra, { action: 'orderFreeCertificate', zones: ['gra'], daysAgo: 72 });
  seed.doneTask(gra, { action: 'refreshIplb', zones: ['gra'], daysAgo: 2 });

  // ---- loadbalancer-demo-multi
  const multi = seed.service(demoServiceNames.multi, { zones: ['rbx', 'sbg'], displayName: 'Customer portal (Roubaix + Strasbourg)', ipv4: '203.0.113.20' });
  const portalCert = seed.ssl(multi, { commonName: 'portal.example.org', san: ['portal.example.org'], expiresInDays: 75, type: 'built' });
  const portalRbx = seed.farm(multi, 'http', {
    zone: 'rbx',
    displayName: 'portal-rbx',
    port: 8000,
    probe: { type: 'http', method: 'GET', url: '/status', match: 'contains', pattern: 'OK', interval: 30 },
  });
  const portalSbg = seed.farm(multi, 'http', { zone: 'sbg', displayName: 'portal-sbg', port: 8000, probe: { type: 'tcp', interval: 30 } });
  const mq = seed.farm(multi, 'tcp', { zone: 'rbx', displayName: 'rabbitmq', port: 5671, probe: { type: 'tcp', interval: 30 } });
  const syslog = seed.farm(multi, 'udp', { zone: 'sbg', displayName: 'syslog', port: 514 });
  seed.server(multi, 'http', portalRbx, { address: '172.16.10.11', displayName: 'portal-rbx-1' });
  seed.server(multi, 'http', portalRbx, { address: '172.16.10.12', displayName: 'portal-rbx-2' });
  seed.server(multi, 'http', portalSbg, { address: '172.16.20.11', displayName: 'portal-sbg-1' });
  seed.server(multi, 'http', portalSbg, { address: '172.16.20.12', displayName: 'portal-sbg-2' }, 'flapping');
  seed.server(multi, 'tcp', mq, { address: '172.16.10.31', displayName: 'mq-1' });
  seed.server(multi, 'tcp', mq, { address: '172.16.10.32', displayName: 'mq-2' }, 'down');
  seed.server(multi, 'udp', syslog, { address: '172.16.20.41', displayName: 'syslog-1' });
  const portal = seed.frontend(multi, 'http', {
    zone: 'all',
    port: '443',
    displayName: 'portal-https',
    ssl: true,
    defaultFarmId: portalRbx.farmId,
    defaultSslId: portalCert.id,
  });
  seed.frontend(multi, 'tcp', { zone: 'rbx', port: '5671', displayName: 'amqps', defaultFarmId: mq.farmId, ssl: true });
  seed.frontend(multi, 'udp', { zone: 'sbg', port: '514', displayName: 'syslog', defaultFarmId: syslog.farmId });
  seed.route(
    multi,
    'http',
    { displayName: 'Strasbourg users', frontendId: portal.frontendId, weight: 1, action: { type: 'farm', target: String(portalSbg.farmId) } },
    [{ field: 'header', subField: 'X-Region', match: 'is', pattern: 'east' }],
  );
  seed.route(multi, 'tcp', { displayName: 'TLS only', frontendId: null, weight: 0, action: { type: 'reject' } }, [
    { field: 'protocol', match: 'is', pattern: 'tcp' },
  ]);
  seed.doneTask(multi, { action: 'installIplb', zones: ['rbx'], daysAgo: 200 });
  seed.doneTask(multi, { action: 'installZone', zones: ['sbg'], daysAgo: 150 });
  seed.doneTask(multi, { action: 'refreshIplb', zones: ['rbx', 'sbg'], daysAgo: 5 });
  multi.pendingChanges = { rbx: 2, sbg: 1 };

  return seed.state;
}
