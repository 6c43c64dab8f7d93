/**
 * Test helper. In Vitest's jsdom environment the global `ArrayBuffer` is jsdom's, which Node's Web Crypto
 * refuses ("is not instance of ArrayBuffer"); @peculiar/x509 hands it such buffers. This wraps them in a
 * Uint8Array view (accepted across realms) so certificates can be generated and checked in component tests.
 * Call once per test file; it changes nothing outside jsdom.
 */
export function acceptForeignArrayBuffersInWebCrypto(): void {
  const subtle = globalThis.crypto.subtle as SubtleCrypto & Record<string, unknown>;
  if ((subtle as { __wrapped?: boolean }).__wrapped) return;
  const wrap = (value: unknown) =>
    Object.prototype.toString.call(value) === '[object ArrayBuffer]'
      ? new Uint8Array(value as ArrayBuffer)
      : value;
  for (const name of [
    'sign',
    'verify',
    'digest',
    'importKey',
    'encrypt',
    'decrypt',
    'deriveBits',
    'unwrapKey',
  ] as const) {
    const original = (subtle[name] as (...args: unknown[]) => unknown).bind(subtle);
    Object.defineProperty(subtle, name, {
      configurable: true,
      value: (...args: unknown[]) => original(...args.map(wrap)),
    });
  }
  Object.defineProperty(subtle, '__wrapped', { value: true });
}
