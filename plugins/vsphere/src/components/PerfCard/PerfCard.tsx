import { Progress } from '@backstage/core-components';
import { ErrorAlert } from '../ErrorAlert';
import { useApi } from '@backstage/core-plugin-api';
import { EntityInfoCard } from '@backstage/plugin-catalog-react';
import { Flex, Text } from '@backstage/ui';
import {
  PerfResponse,
  PerfSeries,
} from '@backstage-vsphere/plugin-vsphere-common';
import useAsync from 'react-use/esm/useAsync';
import { vsphereApiRef } from '../../api';
import { MonitoringLinks } from '../MonitoringLinks';
import { Sparkline } from '../Sparkline';

const cell = { padding: '4px 12px 4px 0', textAlign: 'left' as const };

const Row = (props: {
  name: string;
  detail?: string;
  series?: PerfSeries;
  children?: React.ReactNode;
}) => (
  <tr>
    <th scope="row" style={cell}>
      {props.name}
    </th>
    <td style={cell}>{props.detail ?? ''}</td>
    <td style={cell}>
      <Sparkline
        label={`CPU of ${props.name}`}
        values={props.series?.cpuPercent ?? []}
      />
    </td>
    <td style={cell}>
      <Sparkline
        label={`Memory of ${props.name}`}
        values={props.series?.memoryPercent ?? []}
      />
    </td>
    <td style={cell}>{props.children}</td>
  </tr>
);

/** Sparklines of the VMs (and their hosts), optionally only some VMs, e.g. one node pool's. */
export const PerfView = (props: { perf: PerfResponse; vmNames?: string[] }) => {
  const vms = props.perf.vms.filter(
    vm => !props.vmNames || props.vmNames.includes(vm.name),
  );
  if (!vms.length) {
    return <Text>No VMs with performance data.</Text>;
  }
  const hostIds = new Set(vms.map(vm => vm.host));
  const hosts = props.perf.hosts.filter(h => hostIds.has(h.name));
  const head = ['', '', 'CPU, last 5 min', 'Memory, last 5 min', ''];
  return (
    <Flex direction="column" gap="2">
      <table aria-label="Recent CPU and memory">
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={i} style={cell}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {vms.map(vm => (
            <Row
              key={vm.moref}
              name={vm.name}
              detail={vm.host}
              series={vm.series}
            >
              <MonitoringLinks links={vm.links} />
            </Row>
          ))}
          {hosts.map(h => (
            <Row
              key={h.moref}
              name={h.name ?? h.moref}
              detail="host"
              series={h.series}
            />
          ))}
        </tbody>
      </table>
    </Flex>
  );
};

/** Recent CPU and memory of the entity's VMs and hosts, from one bulk read. */
export const PerfCard = (props: { entityRef: string; title?: string }) => {
  const api = useApi(vsphereApiRef);
  const { value, loading, error } = useAsync(
    () => api.getPerf(props.entityRef),
    [api, props.entityRef],
  );
  return (
    <EntityInfoCard title={props.title ?? 'Recent CPU and memory'}>
      {loading && <Progress />}
      {error && <ErrorAlert error={error} />}
      {value && <PerfView perf={value} />}
    </EntityInfoCard>
  );
};
