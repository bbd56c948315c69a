import { Table, TableColumn } from '@backstage/core-components';
import { Text } from '@backstage/ui';
import { NamespaceEvent } from '@backstage-vsphere/plugin-vsphere-common';
import { StatusLabel } from '../StatusLabel';

/** Newest first; events without a time go last. */
export function sortNewestFirst(events: NamespaceEvent[]): NamespaceEvent[] {
  const time = (e: NamespaceEvent) => (e.lastSeen ? Date.parse(e.lastSeen) : 0);
  return [...events].sort((a, b) => time(b) - time(a));
}

const columns: TableColumn<NamespaceEvent>[] = [
  {
    title: 'Type',
    field: 'type',
    render: e => (
      <StatusLabel
        tone={e.type === 'Warning' ? 'warning' : 'ok'}
        label={e.type}
      />
    ),
  },
  { title: 'Reason', field: 'reason', emptyValue: '—' },
  { title: 'Object', field: 'object' },
  { title: 'Message', field: 'message', emptyValue: '—' },
  { title: 'Count', field: 'count', type: 'numeric', emptyValue: '—' },
  {
    title: 'Last seen',
    field: 'lastSeen',
    render: e => (e.lastSeen ? new Date(e.lastSeen).toLocaleString() : '—'),
  },
];

/** Recent Kubernetes events in the namespace, newest first. */
export const EventsCard = (props: {
  events: NamespaceEvent[];
  namespace: string;
}) => (
  <Table<NamespaceEvent>
    title="Recent events"
    columns={columns}
    // material-table writes its row state into the objects it gets.
    data={sortNewestFirst(props.events).map(e => ({ ...e }))}
    options={{
      paging: props.events.length > 10,
      pageSize: 10,
      padding: 'dense',
    }}
    emptyContent={
      <Text as="p" style={{ padding: 16 }}>
        {`No recent events in namespace ${props.namespace}. Kubernetes keeps events for about an hour.`}
      </Text>
    }
  />
);
