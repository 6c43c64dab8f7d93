import { Button, Text } from '@mantine/core';
import { useId } from 'react';

interface FormSubmitRowProps {
  submitLabel: string;
  onCancel: () => void;
  pending: boolean;
  /** why the form cannot be sent now (data still loading or unavailable); null when it can */
  blockedReason?: string | null;
}

/** Cancel, the reason the form cannot be sent (if any, tied to the button for screen readers), submit. */
export function FormSubmitRow({ submitLabel, onCancel, pending, blockedReason = null }: FormSubmitRowProps) {
  const reasonId = useId();
  return (
    <>
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      {blockedReason ? (
        <Text size="sm" c="dimmed" id={reasonId}>
          {blockedReason}
        </Text>
      ) : null}
      <Button
        type="submit"
        loading={pending}
        disabled={blockedReason !== null}
        aria-describedby={blockedReason ? reasonId : undefined}
      >
        {submitLabel}
      </Button>
    </>
  );
}

