import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { resolveStartupTarget } from '@/app/startup-target';
import { configureApi } from '@/lib/api-client';

async function start() {
  const target = resolveStartupTarget(window.location);
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
