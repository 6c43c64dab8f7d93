import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/**
 * Fails on any accessibility violation (WCAG 2 A/AA) of the current page, or only of the part matching
 * `include` (e.g. an open dialog: the page behind its overlay is not what the user reads then).
 */
export async function expectAccessible(page: Page, options: { include?: string } = {}) {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']);
  const results = await (options.include ? builder.include(options.include) : builder).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')})`);
  expect(summary, 'accessibility violations').toEqual([]);
}

/**
 * Each test gets a fresh browser context, hence a fresh sandbox (its state lives in the page's storage):
 * the fixture opens the app on the demo seed and fails the test on any page error.
 */
export const test = base.extend<{ app: Page }>({
  app: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto('/?sandbox=demo');
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };
