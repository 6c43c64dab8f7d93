import { validateFqdn } from '@/lib/validation/fields';
import { idParam, serviceOf, SERVICE_PATH, type HandlerTable } from '../context';
import { badRequest, check, conflict, objectNotFound } from '../errors';
import { serviceZones } from '../state';
import { createTask, isRunning, taskView } from '../tasks';

/** Time OVHcloud takes to deliver a free certificate, in the sandbox. */
const FREE_CERTIFICATE_DURATION_FACTOR = 2;

export function taskHandlers(): HandlerTable {
  return {
    [`GET ${SERVICE_PATH}/task`]: (ctx) => {
      const query = ctx.query as Record<string, string | undefined>;
      const from = (value: string | undefined) => (value === undefined ? null : Date.parse(value));
      const creationFrom = from(query['creationDate.from']);
      const creationTo = from(query['creationDate.to']);
      const doneFrom = from(query['doneDate.from']);
      const doneTo = from(query['doneDate.to']);
      return serviceOf(ctx)
        .tasks.map((task) => taskView(task, ctx.now))
        .filter((task) => {
          if (query.action !== undefined && task.action !== query.action) return false;
          if (query.status !== undefined && task.status !== query.status) return false;
          const created = Date.parse(task.creationDate);
          if (creationFrom !== null && created < creationFrom) return false;
          if (creationTo !== null && created > creationTo) return false;
          if (doneFrom !== null || doneTo !== null) {
            if (task.doneDate === null) return false;
            const done = Date.parse(task.doneDate);
            if (doneFrom !== null && done < doneFrom) return false;
            if (doneTo !== null && done > doneTo) return false;
          }
          return true;
        })
        .map((task) => task.id)
        .sort((a, b) => a - b);
    },
    [`GET ${SERVICE_PATH}/task/{id}`]: (ctx) => {
      const id = idParam(ctx, 'id');
      const task = serviceOf(ctx).tasks.find((item) => item.id === id);
      if (!task) throw objectNotFound('id', id);
      return taskView(task, ctx.now);
    },
    [`POST ${SERVICE_PATH}/refresh`]: (ctx) => {
      const service = serviceOf(ctx);
      const zone = ctx.body.zone as string | undefined | null;
      const all = serviceZones(service);
      if (zone && !all.includes(zone)) {
        throw badRequest(`Zone "${zone}" is not a zone of this load balancer: use one of ${all.join(', ')}`);
      }
      const zones = zone ? [zone] : all;
      const running = service.tasks.find(
        (task) => task.action === 'refreshIplb' && isRunning(task, ctx.now) && task.zones.some((name) => zones.includes(name)),
      );
      if (running) {
        throw conflict(
          `A configuration refresh is already in progress for zone ${running.zones.filter((name) => zones.includes(name)).join(', ')} (task ${running.id}): wait for it to finish`,
        );
      }
      const pendingAtStart = Object.fromEntries(zones.map((name) => [name, service.pendingChanges[name] ?? 0]));
      const task = createTask(ctx.state, service, ctx.now, { action: 'refreshIplb', zones, durationMs: ctx.refreshDurationMs, pendingAtStart });
      return taskView(task, ctx.now);
    },
    [`POST ${SERVICE_PATH}/freeCertificate`]: (ctx) => {
      const service = serviceOf(ctx);
      const fqdn = ctx.body.fqdn as string[];
      if (fqdn.length === 0) throw badRequest('fqdn must name at least one domain');
      for (const name of fqdn) check(validateFqdn(name));
      const task = createTask(ctx.state, service, ctx.now, {
        action: 'orderFreeCertificate',
        zones: serviceZones(service),
        durationMs: ctx.refreshDurationMs * FREE_CERTIFICATE_DURATION_FACTOR,
        fqdn: [...fqdn],
      });
      return taskView(task, ctx.now);
    },
  };
}
