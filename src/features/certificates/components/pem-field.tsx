import { Button, FileButton, Group, Textarea } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useState, type DragEvent, type ReactNode } from 'react';

interface PemFieldProps {
  label: string;
  description?: ReactNode;
  placeholder: string;
  required?: boolean;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: ReactNode;
  /** a warning shown under the field when there is no error */
  warning?: ReactNode;
  'data-autofocus'?: boolean;
}

const accept = '.pem,.crt,.cer,.key,.txt,application/x-pem-file,application/x-x509-ca-cert,text/plain';

/** A PEM text field: paste into it, pick a file, or drop a file onto it. */
export function PemField({
  label,
  description,
  placeholder,
  required,
  value,
  onChange,
  onBlur,
  error,
  warning,
  ...rest
}: PemFieldProps) {
  const [dragging, setDragging] = useState(false);
  const [readError, setReadError] = useState<string | null>(null);
  const load = async (file: File | null | undefined) => {
    if (!file) return;
    if (file.size > 256 * 1024) {
      setReadError(`${file.name} is ${Math.round(file.size / 1024)} KB: a PEM file is a few KB at most`);
      return;
    }
    setReadError(null);
    onChange(await file.text());
  };
  const onDrop = (event: DragEvent<HTMLTextAreaElement>) => {
    const file = event.dataTransfer.files[0];
    setDragging(false);
    if (!file) return;
    event.preventDefault();
    void load(file);
  };

  return (
    <Textarea
      label={label}
      description={description}
      placeholder={placeholder}
      withAsterisk={required}
      rows={5}
      resize="vertical"
      spellCheck={false}
      autoComplete="off"
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      onBlur={onBlur}
      error={readError ?? error}
      inputWrapperOrder={['label', 'description', 'input', 'error']}
      styles={{
        input: {
          fontFamily: 'var(--mantine-font-family-monospace)',
          fontSize: 12,
          outline: dragging ? '2px dashed var(--mantine-primary-color-filled)' : undefined,
        },
      }}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes('Files')) {
          event.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      {...rest}
      inputContainer={(children) => (
        <>
          {children}
          <Group justify="space-between" mt={4} gap="xs">
            {warning && !error && !readError ? (
              <span
                style={{ color: 'var(--mantine-color-orange-text)', fontSize: 'var(--mantine-font-size-xs)' }}
                role="status"
              >
                {warning}
              </span>
            ) : (
              <span />
            )}
            <FileButton
              onChange={(file) => void load(file)}
              accept={accept}
              inputProps={{ 'aria-label': `${label} file` }}
            >
              {(props) => (
                <Button
                  {...props}
                  variant="subtle"
                  size="compact-xs"
                  leftSection={<IconFileUpload size={14} />}
                >
                  Load {label.toLowerCase()} from a file
                </Button>
              )}
            </FileButton>
          </Group>
        </>
      )}
    />
  );
}
