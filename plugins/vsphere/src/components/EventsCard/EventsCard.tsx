import { Text } from '@backstage/ui';
import { NamespaceEvent } from '@backstage-vsphere/plugin-vsphere-common';
import { DataColumn, DataTable, elementCell, textCell } from '../DataTable';
import { StatusLabel } from '../StatusLabel';

/** Newest first; events without a time go last. */
export function sortNewestFirst(events: NamespaceEvent[]): NamespaceEvent[] {
  const time = (e: NamespaceEvent) => (e.lastSeen ? Date.parse(e.lastSeen) : 0);
  return [...events].sort((a, b) => time(b) - time(a));
}

/** An event keyed by its place in the newest-first list: events have no name of their own here. */
type EventRow = NamespaceEvent & { id: number };

const columns: DataColumn<EventRow>[] = [
  {
    id: 'type',
    label: 'Type',
    cell: e =>
      elementCell(
        <StatusLabel
          tone={e.type === 'Warning' ? 'warning' : 'ok'}
          label={e.type}
        />,
      ),
    value: e => e.type,
  },
  {
    id: 'reason',
    label: 'Reason',
    cell: e => textCell(e.reason),
    value: e => e.reason,
  },
  {
    id: 'object',
    label: 'Object',
    cell: e => textCell(e.object),
    value: e => e.object,
  },
  {
    id: 'message',
    label: 'Message',
    cell: e => textCell(e.message),
    value: e => e.message,
  },
  {
    id: 'count',
    label: 'Count',
    cell: e => textCell(e.count),
    value: e => e.count,
  },
  {
    id: 'lastSeen',
    label: 'Last seen',
    cell: e =>
      textCell(e.lastSeen ? new Date(e.lastSeen).toLocaleString() : undefined),
    value: e => (e.lastSeen ? Date.parse(e.lastSeen) : undefined),
  },
];

/** Recent Kubernetes events in the namespace, newest first. */
export const EventsCard = (props: {
  events: NamespaceEvent[];
  namespace: string;
}) => (
  <DataTable<EventRow>
    title="Recent events"
    rows={sortNewestFirst(props.events).map((e, id) => ({ ...e, id }))}
    columns={columns}
    pageSize={10}
    emptyState={
      <Text as="p" style={{ padding: 16 }}>
        {`No recent events in namespace ${props.namespace}. Kubernetes keeps events for about an hour.`}
      </Text>
    }
  />
);
