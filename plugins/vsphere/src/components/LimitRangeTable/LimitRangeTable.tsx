import { SupervisorLimitRangeItem } from '@backstage-vsphere/plugin-vsphere-common';

const cell = { padding: '2px 16px 2px 0', textAlign: 'left' as const };

const COLUMNS: {
  key: keyof Omit<SupervisorLimitRangeItem, 'type'>;
  title: string;
}[] = [
  { key: 'defaultRequest', title: 'Default request' },
  { key: 'default', title: 'Default limit' },
  { key: 'min', title: 'Min' },
  { key: 'max', title: 'Max' },
  { key: 'maxLimitRequestRatio', title: 'Max limit/request' },
];

/** One row per object type and resource: what Kubernetes fills in and what it refuses. */
function rowsOf(limits: SupervisorLimitRangeItem[]) {
  return limits.flatMap((item, index) =>
    [...new Set(COLUMNS.flatMap(c => Object.keys(item[c.key])))]
      .sort()
      .map(resource => ({ item, resource, key: `${index}/${resource}` })),
  );
}

/** A LimitRange: per container, pod or claim, the default request/limit and the min/max allowed. */
export const LimitRangeTable = (props: {
  name: string;
  limits: SupervisorLimitRangeItem[];
}) => {
  const title = `LimitRange ${props.name}`;
  const rows = rowsOf(props.limits);
  return (
    <table aria-label={title}>
      <caption style={{ textAlign: 'left', fontWeight: 'bold' }}>
        {title}
      </caption>
      <thead>
        <tr>
          <th style={cell}>Applies to</th>
          <th style={cell}>Resource</th>
          {COLUMNS.map(c => (
            <th key={c.key} style={cell}>
              {c.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td style={cell} colSpan={COLUMNS.length + 2}>
              No defaults or bounds set.
            </td>
          </tr>
        ) : (
          rows.map(({ item, resource, key }) => (
            <tr key={key}>
              <td style={cell}>{item.type}</td>
              <td style={cell}>{resource}</td>
              {COLUMNS.map(c => (
                <td key={c.key} style={cell}>
                  {item[c.key][resource] ?? '—'}
                </td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
};
