/** Splits typed or pasted text into entries: commas, spaces, semicolons and new lines all separate. */
export function splitEntries(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

export interface CheckedEntry {
  value: string;
  /** why the entry is refused, or null when it is valid */
  error: string | null;
}

/** Each entry with its validation result; the second occurrence of a value is flagged as a duplicate. */
export function checkEntries(values: readonly string[], validate: (value: string) => string | null): CheckedEntry[] {
  const seen = new Set<string>();
  return values.map((value) => {
    const error = validate(value) ?? (seen.has(value) ? `${value} is listed twice` : null);
    seen.add(value);
    return { value, error };
  });
}

/** The first problem of a list, for a form's validate function (null when every entry is valid). */
export function firstEntryError(values: readonly string[] | null | undefined, validate: (value: string) => string | null): string | null {
  if (!values) return null;
  const invalid = checkEntries(values, validate).filter((entry) => entry.error);
  if (invalid.length === 0) return null;
  return invalid.length === 1 ? invalid[0]!.error : `${invalid.length} entries are invalid: ${invalid[0]!.error}…`;
}
