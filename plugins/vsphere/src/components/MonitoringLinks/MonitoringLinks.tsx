import { Flex, Link } from '@backstage/ui';
import { MonitoringLink } from '@backstage-vsphere/plugin-vsphere-common';

/** The configured monitoring links of one object, e.g. its Grafana dashboard. */
export const MonitoringLinks = (props: { links?: MonitoringLink[] }) => {
  if (!props.links?.length) {
    return null;
  }
  return (
    <Flex gap="3">
      {props.links.map(link => (
        <Link key={link.url} href={link.url} target="_blank" rel="noopener">
          {link.title}
        </Link>
      ))}
    </Flex>
  );
};
