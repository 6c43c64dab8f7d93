import { Pill, PillsInput, Text, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type ClipboardEvent, type KeyboardEvent, type ReactNode } from 'react';
import { checkEntries, splitEntries } from '@/components/list-input/list-entries';

export interface ListInputProps {
  label: string;
  description?: ReactNode;
  /** every entry the user gave, valid or not (invalid ones are flagged, never dropped) */
  value: readonly string[];
  onChange: (value: string[]) => void;
  /** the shared validator of one entry (e.g. validateIpv4Block): an error message or null */
  validateEntry: (entry: string) => string | null;
  placeholder?: string;
  /** an error about the list as a whole (e.g. "cannot be combined with …") */
  error?: ReactNode;
  disabled?: boolean;
  /** forwarded to the text field (tests, e2e) */
  'data-testid'?: string;
}

/**
 * A list of short values (CIDR blocks, IP addresses) typed or pasted one or several at a time — separated
 * by commas, spaces or new lines — shown as removable pills. Each entry is checked with the shared
 * validator: invalid entries stay in the list, marked, with their reason, until the user fixes them.
 */
export function ListInput({ label, description, value, onChange, validateEntry, placeholder, error, disabled, ...rest }: ListInputProps) {
  const [draft, setDraft] = useState('');
  const entries = checkEntries(value, validateEntry);
  const invalid = entries.filter((entry) => entry.error);
  const draftEntries = splitEntries(draft);
  const draftError = draftEntries.length === 1 ? validateEntry(draftEntries[0]!) : null;

  const commit = (text: string) => {
    const added = splitEntries(text);
    if (added.length > 0) onChange([...value, ...added]);
    setDraft('');
  };
  const remove = (index: number) => onChange(value.filter((_, position) => position !== index));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',' || event.key === ' ' || event.key === ';') {
      if (draft.trim() !== '') {
        event.preventDefault();
        commit(draft);
      } else if (event.key === 'Enter') {
        event.preventDefault(); // never submit the surrounding form from an empty list field
      }
    } else if (event.key === 'Backspace' && draft === '' && value.length > 0) {
      remove(value.length - 1);
    }
  };
  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData('text');
    if (/[\s,;]/.test(text.trim())) {
      event.preventDefault();
      commit(`${draft} ${text}`);
    }
  };

  const listError =
    invalid.length > 0 ? (
      <>
        {invalid.map((entry, index) => (
          <span key={`${entry.value}-${index}`} style={{ display: 'block' }}>
            {entry.error}
          </span>
        ))}
        {error ? <span style={{ display: 'block' }}>{error}</span> : null}
      </>
    ) : (
      error
    );

  return (
    <PillsInput
      label={label}
      description={
        <>
          {description}
          {draft.trim() !== '' ? (
            <Text component="span" size="xs" display="block" c={draftError ? 'red' : 'dimmed'} aria-live="polite">
              {draftError ?? (draftEntries.length > 1 ? `${draftEntries.length} entries` : `${draftEntries[0]} looks valid`)}
              {' — press Enter or comma to add'}
            </Text>
          ) : null}
        </>
      }
      error={listError || undefined}
      disabled={disabled}
    >
      <Pill.Group>
        {entries.map((entry, index) => (
          <Pill
            key={`${entry.value}-${index}`}
            withRemoveButton={!disabled}
            onRemove={() => remove(index)}
            removeButtonProps={{ 'aria-label': `Remove ${entry.value}`, 'aria-hidden': false, tabIndex: 0 }}
            bg={entry.error ? 'var(--mantine-color-red-light)' : undefined}
            c={entry.error ? 'var(--mantine-color-red-light-color)' : undefined}
            data-invalid={entry.error ? true : undefined}
            title={entry.error ?? undefined}
          >
            {entry.error ? <IconAlertTriangle size={12} aria-hidden style={{ marginRight: 4, verticalAlign: -1 }} /> : null}
            {entry.value}
            {entry.error ? <VisuallyHidden> (invalid)</VisuallyHidden> : null}
          </Pill>
        ))}
        <PillsInput.Field
          value={draft}
          placeholder={value.length === 0 ? placeholder : undefined}
          onChange={(event) => setDraft(event.currentTarget.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={() => commit(draft)}
          data-testid={rest['data-testid']}
        />
      </Pill.Group>
    </PillsInput>
  );
}
