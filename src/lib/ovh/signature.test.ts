// @vitest-environment node
import { computeSignature, signatureHeaders, signaturePayload } from './signature.ts';

// Vectors from /work/shared/ovh-api/PROTOCOL.md §3, copied as data.
const setA = {
  applicationKey: 'TDPKJdwZwAQPwKX2',
  applicationSecret: '9ufkBmLaTQ9nz5yMUlg79taH0GNnzDjk',
  consumerKey: '5mBuy6SUQcRw2ZUxg0cG68BoDKpED4KY',
  timestamp: 1457018875,
};
const setB = { applicationSecret: 'APPLICATION_SECRET', consumerKey: 'CONSUMER_KEY', timestamp: 1566485767 };

type Row = [id: string, method: string, url: string, body: string, signature: string];

const vectorsA: Row[] = [
  ['A1', 'GET', 'https://eu.api.ovh.com/1.0/auth', '', '$1$e9556054b6309771395efa467c22e627407461ad'],
  ['A2', 'POST', 'https://eu.api.ovh.com/1.0/auth', '{"a":"b","c":"d"}', '$1$ec2fb5c7a81f64723c77d2e5b609ae6f58a84fc1'],
  ['A3', 'PUT', 'https://eu.api.ovh.com/1.0/auth', '{"a":"b","c":"d"}', '$1$8a75a9e7c8e7296c9dbeda6a2a735eb6bd58ec4b'],
  ['A4', 'DELETE', 'https://eu.api.ovh.com/1.0/auth', '', '$1$a1eecd00b3b02b6cf5708b84b9ff42059a950d85'],
  ['A5', 'GET', 'https://eu.api.ovh.com/1.0/authTO', '', '$1$1f0958be70f095ddaba525778a9ac1dcffac89f3'],
  ['A6', 'POST', 'https://eu.api.ovh.com/1.0/authTO', '{"a":"b","c":"d"}', '$1$b592effcb3bc2d37860eceb06a1b17670fbe49c6'],
  ['A7', 'PUT', 'https://eu.api.ovh.com/1.0/authTO', '{"a":"b","c":"d"}', '$1$6b27c2a693a0eb4980217046b2fe10d74ba796f0'],
  ['A8', 'DELETE', 'https://eu.api.ovh.com/1.0/authTO', '', '$1$bd59b15361548c388058009e00c508081e991e8b'],
  ['A9', 'GET', 'https://eu.api.ovh.com/1.0/call', '', '$1$7f2db49253edfc41891023fcd1a54cf61db05fbb'],
  ['A10', 'GET', 'https://eu.api.ovh.com/v1/call', '', '$1$e6e7906d385eb28adcbfbe6b66c1528a42d741ad'],
  ['A11', 'GET', 'https://eu.api.ovh.com/v2/call', '', '$1$bb63b132a6f84ad5433d0c534d48d3f7c3804285'],
];

/** B-func: the target is the bare string given (a path, not a full URL). */
const vectorsBFunc: [method: string, target: string, data: string, signature: string][] = [
  ['GET', '/', '', '$1$c87db4be631d68b610079e088248dfe8881c40a1'],
  ['GET', '/me', '', '$1$b395d13fdb1e1aae1db2be96c6d120677c4d2000'],
  ['GET', '/auth/time', '', '$1$3e26ff19629bd612b1e688f1ef61b6446b5c686e'],
  ['GET', '/mails/accounts?id=5', '', '$1$0abd51a142538aec522fd4882e178e695b5458c4'],
  ['GET', '/mails?to=45&from=12', '', '$1$26b79c495a18b45bb1f197bfe3f262ecb5f21016'],
  ['DELETE', '/', '', '$1$71d90b786d8200b46ff2736400ee416d5fe41079'],
  ['DELETE', '/me', '', '$1$0901964347daac6ab470f35286114a0add0ba399'],
  ['DELETE', '/auth/time', '', '$1$a4b70a7521cc6b397d84c9de2c0066f82a2ac277'],
  ['DELETE', '/mails/accounts?id=5', '', '$1$6d2c0ba0ab22629c6739a5f450cc47aeb785ab78'],
  ['DELETE', '/mails?to=45&from=12', '', '$1$7bb0e50be918aa6739ef1a183c7c76e73a79494f'],
  ['POST', '/', '', '$1$4a09d6cf15fc021ffb73da3c24797b2641cf2424'],
  ['POST', '/me', '', '$1$36c9811602d49b74f4374aafc0f1f26ff6724293'],
  ['POST', '/auth/time', '', '$1$a0ce8be3ebc95a4168237abaca254bed535601b0'],
  ['POST', '/mails/accounts?id=5', '', '$1$ded453bab00328fe1753768db2926cf931a1e0e6'],
  ['POST', '/mails?to=45&from=12', '', '$1$62904b4a7be1298f263af4b5a38ea384132906f8'],
  ['POST', '/', '{"data":"value"}', '$1$369d08d098480a4769db04bf3f0ce8e7a266ca7e'],
  ['POST', '/me', 'some_data', '$1$6a0e930b55e9c6d8b695084782f567031d5230ed'],
  ['POST', '/auth/time', '[{"data":"value"},{"data-2":"value-2"}]', '$1$7d0a0141e32070c6046890a59afa4f034c08a3f0'],
  ['POST', '/mails/accounts?id=5', '{"data":"value"}', '$1$42b3029887864b9191302ccddc7229846b11c353'],
  ['POST', '/mails?to=45&from=12', '{"data":"value"}', '$1$e23dcacc5411034a832e05c7fe9f7b2ae5c9578f'],
  ['PUT', '/', '', '$1$c1fac5e97db0830c9bd33bad6181e317c33ae6cd'],
  ['PUT', '/me', '', '$1$725acf08ac67cf402679b91791cda17eba656b26'],
  ['PUT', '/auth/time', '', '$1$1857d9e775b2ab963244623ae3f97362a529c5a5'],
  ['PUT', '/mails/accounts?id=5', '', '$1$72d379b8cb16ff4258e26e9f8c9aacb1d6958c3e'],
  ['PUT', '/mails?to=45&from=12', '', '$1$1fbaa78566ac80f6c73169f4798fc29cc454dcb1'],
  ['PUT', '/', '{"data":"value"}', '$1$ee4b4ac586796b17062397a7a390349306898e51'],
  ['PUT', '/me', 'some_data', '$1$386dc87d403f526a1e2a6c75b915a4ecedf0d224'],
  ['PUT', '/auth/time', '[{"data":"value"},{"data-2":"value-2"}]', '$1$a991d5bad1a5c8ddfff315668a7c4842b24958ef'],
  ['PUT', '/mails/accounts?id=5', '{"data":"value"}', '$1$590f78e1c78eec4e163afe36bf7c157d9244b682'],
  ['PUT', '/mails?to=45&from=12', '{"data":"value"}', '$1$dacdb2f3407325e3fd0e6c8c3b797dca08d4491f'],
];

const vectorsBWire: Row[] = [
  ['B1', 'GET', 'https://eu.api.ovh.com/1.0/me', '', '$1$dfe0b86bf2ab0d9eb3f785dc1ab00de58984d80c'],
  ['B2', 'GET', 'https://eu.api.ovh.com/v1/me', '', '$1$b6849b8a25d6bc46c6ad1dfb0fc67d07db9553a3'],
  ['B3', 'GET', 'https://eu.api.ovh.com/v2/me', '', '$1$291bb7bdbef11b1050200a109a4fe5109ed96cdd'],
  ['B4', 'DELETE', 'https://eu.api.ovh.com/1.0/ip/127.0.0.1', '', '$1$610ebc657a19d6b444264f998291a4f24bc3227d'],
  ['B5', 'GET', 'https://eu.api.ovh.com/1.0/route?filter=value%3a%26%c3%a9%27-&anotherfilter=%3dtest', '', '$1$098b93d342b6db4848ec448063be2b6884e94723'],
  ['B6', 'POST', 'https://eu.api.ovh.com/1.0/me/geolocation', '', '$1$3473ad8790d09e6d28f8a9d6f09a05c1f5f0bbfc'],
  ['B7', 'POST', 'https://eu.api.ovh.com/1.0/me/contact', 'Fake content', '$1$19a8f2db1a3b2b89b231c7872332b6ba117d8bd7'],
  ['B8', 'POST', 'https://eu.api.ovh.com/1.0/me/contact', '"Fake content"', '$1$8a6f2668c14048c59ca957bc26b16a29180ffb03'],
  ['B9', 'PUT', 'https://eu.api.ovh.com/1.0/me/contact', 'Fake content', '$1$5e81842c0f0c806fd703de084d80192a59bc0f8a'],
  ['B10', 'PUT', 'https://eu.api.ovh.com/1.0/me/contact', '"Fake content"', '$1$ec5195342ad1c81073c2eb3f3d83dd20942c4408'],
  ['B11', 'PUT', 'https://eu.api.ovh.com/1.0/me/contact', '', '$1$5595b180f954de130f8da7a5a4b55adc3d27556f'],
  ['B12', 'PUT', 'https://eu.api.ovh.com/1.0/me/contact', '{"address":{"line1":"Hey there"}}', '$1$747cdaf92e412ea434a387e6ff7b20150ee1172f'],
];

const farmUrl = 'https://eu.api.ovh.com/1.0/ipLoadbalancing/loadbalancer-0123/http/farm';
/** Set D uses the set A keys and timestamp. */
const vectorsD: Row[] = [
  ['D1 (é as UTF-8)', 'POST', farmUrl, '{"displayName":"café"}', '$1$62bf76c936ad3b6857d71be2fa3e002437336269'],
  ['D2 (é as \\u00e9)', 'POST', farmUrl, '{"displayName":"caf\\u00e9"}', '$1$432380d0cbe6fce18e651196cfca283d3db31bd5'],
  ['D3', 'GET', `${farmUrl}?zone=gra`, '', '$1$9d83153c79e52a1f3bf54216f695c7ffaac81d0c'],
  ['D4', 'DELETE', `${farmUrl}/42/server/7`, '', '$1$de0cdc027e32109788e5604f90b61a100eca50d1'],
];

describe('computeSignature', () => {
  it('has every vector of the tables (11 A, 30 B-func, 12 B-wire, 4 D)', () => {
    expect([vectorsA.length, vectorsBFunc.length, vectorsBWire.length, vectorsD.length]).toEqual([11, 30, 12, 4]);
  });

  it.each(vectorsA)('set A %s: %s %s', async (_id, method, url, body, signature) => {
    const { applicationSecret, consumerKey, timestamp } = setA;
    await expect(computeSignature({ applicationSecret, consumerKey, method, url, body, timestamp })).resolves.toBe(signature);
  });

  it.each(vectorsBFunc)('set B-func: %s %s data=%j', async (method, url, body, signature) => {
    await expect(computeSignature({ ...setB, method, url, body })).resolves.toBe(signature);
  });

  it.each(vectorsBWire)('set B-wire %s: %s %s', async (_id, method, url, body, signature) => {
    await expect(computeSignature({ ...setB, method, url, body })).resolves.toBe(signature);
  });

  it('set C: the OVH docs worked example, pre-hash string and signature', async () => {
    const input = {
      applicationSecret: 'EXEgWIz07P0HYwtQDs7cNIqCiQaWSuHF',
      consumerKey: 'MtSwSrPpNjqfVSmJhLbPyr2i45lSwPU1',
      method: 'GET',
      url: 'https://eu.api.ovh.com/1.0/domain/',
      body: '',
      timestamp: 1366560945,
    };
    expect(signaturePayload(input)).toBe(
      'EXEgWIz07P0HYwtQDs7cNIqCiQaWSuHF+MtSwSrPpNjqfVSmJhLbPyr2i45lSwPU1+GET+https://eu.api.ovh.com/1.0/domain/++1366560945',
    );
    await expect(computeSignature(input)).resolves.toBe('$1$6a77f43f2871db97a029f1d1d81c4dcd3c6f7265');
  });

  it.each(vectorsD)('set D %s: %s %s', async (_id, method, url, body, signature) => {
    const { applicationSecret, consumerKey, timestamp } = setA;
    await expect(computeSignature({ applicationSecret, consumerKey, method, url, body, timestamp })).resolves.toBe(signature);
  });

  it('hashes the method upper-cased, as it goes on the wire', async () => {
    const { applicationSecret, consumerKey, timestamp } = setA;
    const url = 'https://eu.api.ovh.com/1.0/auth';
    await expect(computeSignature({ applicationSecret, consumerKey, method: 'get', url, body: '', timestamp })).resolves.toBe(
      '$1$e9556054b6309771395efa467c22e627407461ad',
    );
  });

  it('depends on the percent-encoding case of the URL (B5 upper-case variant)', async () => {
    const url = 'https://eu.api.ovh.com/1.0/route?filter=value%3A%26%C3%A9%27-&anotherfilter=%3Dtest';
    await expect(computeSignature({ ...setB, method: 'GET', url, body: '' })).resolves.toBe(
      '$1$0ab89920466ce4e3535a4345cab5f4ce3108da26',
    );
  });
});

describe('signatureHeaders', () => {
  it('gives the four X-Ovh headers of vector A1', async () => {
    const headers = await signatureHeaders({ ...setA, method: 'GET', url: 'https://eu.api.ovh.com/1.0/auth', body: '' });
    expect(headers).toEqual({
      'X-Ovh-Application': 'TDPKJdwZwAQPwKX2',
      'X-Ovh-Consumer': '5mBuy6SUQcRw2ZUxg0cG68BoDKpED4KY',
      'X-Ovh-Timestamp': '1457018875',
      'X-Ovh-Signature': '$1$e9556054b6309771395efa467c22e627407461ad',
    });
  });
});
