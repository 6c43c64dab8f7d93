import type { Ssl } from '@/api/generated';
import { validateDisplayName } from '@/lib/validation/fields';
import { certificateMatchesKey, parseCertificateChainPem, parseCertificatePem, PemError, privateKeyToPkcs8 } from '@/lib/pem/pem';
import { idParam, serviceOf, SERVICE_PATH, type HandlerContext, type HandlerTable } from '../context';
import { badRequest, check, conflict, objectNotFound } from '../errors';
import { refuseIfUsed, removeById, describeList, sortById } from '../lookup';
import { protocols, takeId, type AnyFrontend } from '../state';
import { mergePutBody } from '../validate';

function findSsl(ctx: HandlerContext): Ssl {
  const id = idParam(ctx, 'id');
  const certificate = serviceOf(ctx).ssl.find((item) => item.id === id);
  if (!certificate) throw objectNotFound('id', id);
  return certificate;
}

async function readPem<T>(what: string, read: () => Promise<T> | T): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof PemError) throw badRequest(`${what}: ${error.message}`);
    throw badRequest(`${what} could not be read`);
  }
}

async function createSsl(ctx: HandlerContext): Promise<Ssl> {
  const service = serviceOf(ctx);
  const { certificate, key, chain, displayName } = ctx.body as { certificate: string; key: string; chain?: string | null; displayName?: string | null };
  check(validateDisplayName(displayName));
  const info = await readPem('Invalid certificate', () => parseCertificatePem(certificate));
  await readPem('Invalid key', () => privateKeyToPkcs8(key));
  const matches = await readPem('Invalid key', () => certificateMatchesKey(certificate, key));
  if (!matches) throw badRequest('The private key does not match the certificate');
  if (chain) await readPem('Invalid chain', () => parseCertificateChainPem(chain));
  if (Date.parse(info.notAfter) <= ctx.now) throw badRequest(`The certificate expired on ${info.notAfter}`);
  const duplicate = service.ssl.find((item) => item.fingerprint === info.fingerprint);
  if (duplicate) throw conflict(`This certificate is already installed (id ${duplicate.id})`);
  const created: Ssl = {
    id: takeId(ctx.state, 'ssl'),
    displayName: displayName ?? null,
    type: 'custom',
    subject: info.subject,
    san: info.san,
    serial: info.serial,
    fingerprint: info.fingerprint,
    expireDate: info.notAfter,
  };
  service.ssl.push(created);
  return { ...created };
}

export function sslHandlers(): HandlerTable {
  const base = `${SERVICE_PATH}/ssl`;
  return {
    [`GET ${base}`]: (ctx) => {
      const query = ctx.query as { expireDate?: string; fingerprint?: string; serial?: string; type?: string };
      const like = (value: string, filter: string | undefined) => filter === undefined || value.toLowerCase().includes(filter.toLowerCase().replace(/%/g, ''));
      const certificates = serviceOf(ctx).ssl.filter(
        (item) =>
          like(item.fingerprint, query.fingerprint) &&
          like(item.serial, query.serial) &&
          (query.type === undefined || item.type === query.type) &&
          (query.expireDate === undefined || Date.parse(item.expireDate) < Date.parse(query.expireDate)),
      );
      return sortById(certificates, 'id');
    },
    [`POST ${base}`]: createSsl,
    [`GET ${base}/{id}`]: (ctx) => ({ ...findSsl(ctx), san: [...findSsl(ctx).san] }),
    [`PUT ${base}/{id}`]: (ctx) => {
      const current = findSsl(ctx);
      const next = mergePutBody(ctx.spec, ctx.rawBody, current);
      check(validateDisplayName(next.displayName));
      current.displayName = next.displayName;
      return null;
    },
    [`DELETE ${base}/{id}`]: (ctx) => {
      const service = serviceOf(ctx);
      const certificate = findSsl(ctx);
      const users = protocols
        .flatMap((protocol) => service.frontends[protocol] as AnyFrontend[])
        .filter((frontend) => 'defaultSslId' in frontend && frontend.defaultSslId === certificate.id)
        .map((frontend) => frontend.frontendId);
      refuseIfUsed(`Certificate ${certificate.id}`, users.length ? [`${describeList('frontend', users)} (defaultSslId)`] : []);
      removeById(service.ssl, (item) => item === certificate);
      return null;
    },
  };
}
