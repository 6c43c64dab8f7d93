/**
 * Compact JSON with non-ASCII characters escaped as `\uXXXX` (as OVH's Python and JS clients do), so
 * the bytes sent are plain ASCII and the signed text cannot depend on how the server decodes UTF-8.
 */
export function serializeJsonBody(body: unknown): string {
  const json = JSON.stringify(body);
  if (json === undefined) throw new TypeError('The request body cannot be serialised to JSON');
  return json.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
