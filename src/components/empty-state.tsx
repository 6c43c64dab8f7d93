import { Button, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export interface EmptyStateProps {
  icon?: ReactNode;
  title: string;
  /** what the user can do next */
  children?: ReactNode;
  /** the main next step, e.g. "Create frontend" */
  actionLabel?: string;
  onAction?: () => void;
  /** any other action elements (links, secondary buttons) */
  actions?: ReactNode;
}

/** Shown instead of an empty list: says what is missing and what to do next. */
export function EmptyState({ icon, title, children, actionLabel, onAction, actions }: EmptyStateProps) {
  return (
    <Stack align="center" gap="xs" py="xl" ta="center" data-testid="empty-state">
      {icon ? (
        <ThemeIcon size={48} radius="xl" variant="light" aria-hidden>
          {icon}
        </ThemeIcon>
      ) : null}
      <Title order={3} size="h4">
        {title}
      </Title>
      {children ? (
        <Text c="dimmed" maw={520}>
          {children}
        </Text>
      ) : null}
      {actionLabel && onAction ? (
        <Button mt="xs" onClick={onAction}>
          {actionLabel}
        </Button>
      ) : null}
      {actions}
    </Stack>
  );
}
