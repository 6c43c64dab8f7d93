import { createSandbox, type Sandbox, type SandboxOptions } from '../sandbox';
import { callSandbox, fakeClock, type SandboxCallOptions } from './call';

/** Test set-up: a demo sandbox on a fake clock, and a `call` bound to it. */
export function demoSandbox(options: SandboxOptions = {}) {
  const clock = fakeClock();
  const sandbox: Sandbox = createSandbox({ clock, ...options });
  const call = <T = unknown>(method: string, apiPath: string, callOptions?: SandboxCallOptions) =>
    callSandbox<T>(sandbox, method, apiPath, callOptions);
  return { sandbox, clock, call };
}

export const GRA = '/ipLoadbalancing/loadbalancer-demo-gra';
export const MULTI = '/ipLoadbalancing/loadbalancer-demo-multi';
