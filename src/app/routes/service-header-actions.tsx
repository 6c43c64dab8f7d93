/** Header actions of a service: pending changes, Apply, task panel (see features/apply and features/tasks). */
export function ServiceHeaderActions(_props: { serviceName: string }) {
  return null;
}
