import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';

// Slow shared machines (CI has 2 cores) must not turn waits for the sandbox's answers into failures.
configure({ asyncUtilTimeout: 5000 });

// Any console.error in a test is a failure: React warnings and unexpected API errors must not pass silently.
const originalError = console.error;
beforeEach(() => {
  console.error = (...args: unknown[]) => {
    originalError(...args);
    throw new Error(`console.error called in a test: ${args.map(String).join(' ')}`);
  };
});
afterEach(() => {
  console.error = originalError;
  cleanup();
});

// jsdom lacks these; Mantine uses them.
if (typeof window !== 'undefined') {
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
  window.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  window.HTMLElement.prototype.scrollIntoView ??= () => {};
}
