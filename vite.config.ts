/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { ovhProxyConfig } from './scripts/ovh-proxy.ts';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  // Same-origin pass-through to the OVHcloud API (/ovh/eu|ca|us/1.0/*): see scripts/ovh-proxy.ts, docs/deploy.md.
  server: { proxy: ovhProxyConfig() },
  preview: { port: 4173, strictPort: true, proxy: ovhProxyConfig() },
  // The entry chunk is React, Mantine, the router and TanStack Query (~220 kB gzip); every page, the
  // certificate parser and the sandbox are separate chunks loaded on demand.
  build: { chunkSizeWarningLimit: 800 },
  test: {
    globals: true,
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    css: false,
    testTimeout: 15000,
  },
});
