import {
  Alert,
  Anchor,
  Button,
  Drawer,
  Group,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconListCheck, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import {
  TaskActionEnumValues,
  TaskStatusEnumValues,
  type Task,
  type TaskActionEnum,
  type TaskStatusEnum,
} from '@/api/generated';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { useClearUrlParams, useUrlSort, useUrlState } from '@/components/url-state';
import { TaskStatusBadge } from '@/features/tasks/components/task-status-badge';
import { formatDateTime, formatDuration, formatZones, taskElapsedMs } from '@/features/tasks/task-format';
import { describeError } from '@/lib/describe-error';
import {
  taskActionLabels,
  taskQueries,
  taskStatusLabels,
  type TaskListFilters,
} from '@/lib/iplb/task-queries';

const isStatus = (value: string): value is TaskStatusEnum =>
  (TaskStatusEnumValues as readonly string[]).includes(value);
const isAction = (value: string): value is TaskActionEnum =>
  (TaskActionEnumValues as readonly string[]).includes(value);
const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));

/** `YYYY-MM-DD` (the user's day) → the ISO instant at its start, or just after its end. */
export function dayBoundary(day: string, end: boolean): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, end ? date + 1 : date).toISOString();
}

/** The URL's filters as `GET /task` filters (the API filters; unknown values are ignored). */
export function filtersFromUrl(status: string, action: string, from: string, to: string): TaskListFilters {
  const filters: TaskListFilters = {};
  if (isStatus(status)) filters.status = status;
  if (isAction(action)) filters.action = action;
  if (isDay(from)) filters['creationDate.from'] = dayBoundary(from, false);
  if (isDay(to)) filters['creationDate.to'] = dayBoundary(to, true);
  return filters;
}

function TaskDetails({ task }: { task: Task }) {
  const rows: [string, ReactNode][] = [
    ['Id', task.id],
    ['Action', `${taskActionLabels[task.action]} (${task.action})`],
    ['Status', <TaskStatusBadge key="status" status={task.status} />],
    [
      'Progress',
      <Progress.Root key="progress" size="lg">
        <Progress.Section value={task.progress} aria-label={`Task ${task.id} progress`}>
          <Progress.Label>{task.progress}%</Progress.Label>
        </Progress.Section>
      </Progress.Root>,
    ],
    ['Zones', formatZones(task.zones)],
    ['Created', `${formatDateTime(task.creationDate)} (${task.creationDate})`],
    ['Finished', task.doneDate ? `${formatDateTime(task.doneDate)} (${task.doneDate})` : 'not yet'],
    [
      'Duration',
      task.doneDate ? formatDuration(taskElapsedMs(task, Date.parse(task.doneDate))) : 'still running',
    ],
  ];
  return (
    <Table withRowBorders={false} verticalSpacing={4} aria-label={`Task ${task.id} details`}>
      <Table.Tbody>
        {rows.map(([name, value]) => (
          <Table.Tr key={name}>
            <Table.Th w={120} fw={500} c="dimmed">
              {name}
            </Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Every task of the load balancer, filtered by the API (status, action, creation dates), sorted here; all in the URL. */
export function TasksPage({ serviceName }: { serviceName: string }) {
  const [status, setStatus] = useUrlState('status');
  const [action, setAction] = useUrlState('action');
  const [from, setFrom] = useUrlState('from');
  const [to, setTo] = useUrlState('to');
  const [sort, setSort] = useUrlSort('sort', { columnId: 'created', direction: 'desc' });
  const [selectedText, setSelected] = useUrlState('task');
  const filters = useMemo(() => filtersFromUrl(status, action, from, to), [status, action, from, to]);
  const tasks = useQuery(taskQueries.list(serviceName, filters));
  // running tasks: show the progress the task panel's poller keeps up to date (no extra request)
  const active = useQuery(taskQueries.active(serviceName));
  const rows = useMemo(() => {
    const live = new Map((active.data ?? []).map((task) => [task.id, task]));
    return (tasks.data ?? []).map((task) => live.get(task.id) ?? task);
  }, [tasks.data, active.data]);
  const selected = rows.find((task) => String(task.id) === selectedText) ?? null;
  const filtered = Boolean(status || action || from || to);
  const rangeError = isDay(from) && isDay(to) && from > to ? 'The start date is after the end date' : null;

  const columns: DataTableColumn<Task>[] = [
    {
      id: 'id',
      header: 'Task',
      width: 100,
      sortValue: (task) => task.id,
      cell: (task) => (
        <Anchor
          component="button"
          c="var(--mantine-color-blue-light-color)"
          type="button"
          size="sm"
          onClick={() => setSelected(String(task.id))}
          aria-label={`Details of task ${task.id}`}
        >
          #{task.id}
        </Anchor>
      ),
    },
    {
      id: 'action',
      header: 'Action',
      sortValue: (task) => taskActionLabels[task.action],
      cell: (task) => taskActionLabels[task.action],
    },
    {
      id: 'status',
      header: 'Status',
      sortValue: (task) => taskStatusLabels[task.status],
      cell: (task) => <TaskStatusBadge status={task.status} />,
    },
    {
      id: 'progress',
      header: 'Progress',
      width: 160,
      sortValue: (task) => task.progress,
      cell: (task) => (
        <Group gap={6} wrap="nowrap">
          <Progress
            value={task.progress}
            w={90}
            aria-label={`Task ${task.id} progress`}
            color={task.status === 'error' ? 'red' : undefined}
          />
          <Text size="xs">{task.progress}%</Text>
        </Group>
      ),
    },
    {
      id: 'zones',
      header: 'Zones',
      sortValue: (task) => task.zones.join(','),
      cell: (task) => formatZones(task.zones),
    },
    {
      id: 'created',
      header: 'Created',
      sortValue: (task) => task.creationDate,
      cell: (task) => formatDateTime(task.creationDate),
    },
    {
      id: 'done',
      header: 'Finished',
      sortValue: (task) => task.doneDate,
      cell: (task) => formatDateTime(task.doneDate),
    },
  ];

  // one URL update for all of them (separate setters in one tick would overwrite each other)
  const clear = useClearUrlParams('status', 'action', 'from', 'to');

  return (
    <>
      <PageHeader
        title="Tasks"
        description="Operations OVHcloud runs for this load balancer: configuration applies, certificate orders, installs. Running ones also show in the task panel."
      />
      <Group mb="sm" gap="sm" align="flex-end" wrap="wrap">
        <Select
          label="Status"
          placeholder="Any status"
          clearable
          data={TaskStatusEnumValues.map((value) => ({ value, label: taskStatusLabels[value] }))}
          value={isStatus(status) ? status : null}
          onChange={(value) => setStatus(value ?? '')}
          w={170}
        />
        <Select
          label="Action"
          placeholder="Any action"
          clearable
          searchable
          data={TaskActionEnumValues.map((value) => ({ value, label: taskActionLabels[value] }))}
          value={isAction(action) ? action : null}
          onChange={(value) => setAction(value ?? '')}
          w={240}
        />
        <TextInput
          type="date"
          label="Created from"
          value={from}
          onChange={(event) => setFrom(event.currentTarget.value)}
          w={170}
          error={rangeError}
        />
        <TextInput
          type="date"
          label="Created until"
          value={to}
          onChange={(event) => setTo(event.currentTarget.value)}
          w={170}
        />
        {filtered ? (
          <Button variant="subtle" onClick={clear}>
            Clear filters
          </Button>
        ) : null}
      </Group>
      {tasks.isError ? (
        <Alert color="red" role="alert" title="Could not load the tasks" mb="md">
          {describeError(tasks.error)}
        </Alert>
      ) : null}
      <DataTable
        label="Tasks"
        data={rows}
        columns={columns}
        getRowKey={(task) => task.id}
        sort={sort}
        onSortChange={setSort}
        loading={tasks.isPending}
        empty={
          filtered ? (
            <EmptyState icon={<IconSearch size={24} />} title="No task matches these filters">
              <Button variant="subtle" onClick={clear}>
                Clear filters
              </Button>
            </EmptyState>
          ) : (
            <EmptyState icon={<IconListCheck size={24} />} title="No task yet">
              Tasks appear when you apply the configuration or order a certificate.
            </EmptyState>
          )
        }
      />
      <Drawer
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={selected !== null}
        onClose={() => setSelected('')}
        position="right"
        size="md"
        title={selected ? `Task #${selected.id}: ${taskActionLabels[selected.action]}` : ''}
      >
        {selected ? (
          <Stack>
            <TaskDetails task={selected} />
          </Stack>
        ) : null}
      </Drawer>
    </>
  );
}
