import { BlockList, isIP } from 'node:net';

/**
 * Which workload-cluster API servers may be written as `kubernetes.io/api-server`: the address
 * comes from the Cluster object, which anyone who may edit the namespace can set, and Backstage's
 * Kubernetes plugin sends users' tokens there. Entries are host names (`k8s.example.com`),
 * wildcards (`*.k8s.example.com`) or address ranges (`10.244.0.0/16`).
 */
export class ApiServerAllowlist {
  private readonly ranges = new BlockList();
  private readonly hosts = new Set<string>();
  private readonly suffixes: string[] = [];

  constructor(entries: string[]) {
    for (const entry of entries.map(e => e.trim().toLowerCase())) {
      const [address, prefix] = entry.split('/');
      const family = isIP(address);
      if (family && prefix !== undefined) {
        this.ranges.addSubnet(
          address,
          Number(prefix),
          family === 6 ? 'ipv6' : 'ipv4',
        );
      } else if (family) {
        this.ranges.addAddress(address, family === 6 ? 'ipv6' : 'ipv4');
      } else if (entry.startsWith('*.')) {
        this.suffixes.push(entry.slice(1));
      } else {
        this.hosts.add(entry);
      }
    }
  }

  /** Whether the API server URL's host is on the list. */
  allows(apiServer: string): boolean {
    let host: string;
    try {
      host = new URL(apiServer).hostname.toLowerCase().replace(/^\[|\]$/g, '');
    } catch {
      return false;
    }
    const family = isIP(host);
    if (family) {
      return this.ranges.check(host, family === 6 ? 'ipv6' : 'ipv4');
    }
    return this.hosts.has(host) || this.suffixes.some(s => host.endsWith(s));
  }
}
