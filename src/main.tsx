import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { resolveStartupTarget } from '@/app/startup-target';
import { savedTarget } from '@/features/connection/connection-settings';
import { configureApi } from '@/lib/api-client';

async function start() {
  // A real endpoint chosen on the Connection screen (kept in session/local storage), else the sandbox.
  const saved = savedTarget(window.location.origin);
  const target = saved ? ({ kind: 'remote', apiTarget: saved } as const) : resolveStartupTarget(window.location);
  if (target.kind === 'sandbox') {
    const { startBrowserSandbox } = await import('@/app/sandbox-worker');
    await startBrowserSandbox(target.seed);
  }
  configureApi(target.apiTarget);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
