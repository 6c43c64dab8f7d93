import { createTheme, Drawer, Modal, Notification, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 in both schemes: white text on blue-8 (and dark text on orange-8) reach AA contrast;
  // Mantine picks the text colour from one shade, so both schemes must use the same one.
  primaryShade: 8,
  defaultRadius: 'sm',
  // Text on filled colours switches to dark where white would be hard to read (Mantine's default
  // luminance threshold, 0.179, is the point where black and white text both reach 4.5:1).
  autoContrast: true,
  luminanceThreshold: 0.179,
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  // Close buttons are icons: give them a name screen readers can say (and tests can find).
  components: {
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Close notification' } },
      // Mantine's grey under a title is below AA contrast: use the (darkened) dimmed colour.
      styles: { description: { color: 'var(--mantine-color-dimmed)' } },
    }),
  },
});

/** Dimmed text one shade darker (lighter in dark mode) than Mantine's default, to pass AA contrast. */
/** Text of `light` variants (badges, alerts) darkened in light mode for the same reason. */
export const cssVariablesResolver: CSSVariablesResolver = (currentTheme) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    ...Object.fromEntries(
      Object.keys(currentTheme.colors).map((color) => [
        `--mantine-color-${color}-light-color`,
        `color-mix(in srgb, var(--mantine-color-${color}-9), black 40%)`,
      ]),
    ),
  },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' },
});
