import { MAX_NODE_POOL_REPLICAS } from '@backstage-vsphere/plugin-vsphere-common';

export { MAX_NODE_POOL_REPLICAS };

/** An error message for a replica count typed by hand, or undefined when it is valid. */
export function validateReplicas(
  text: string,
  current: number,
  max: number = MAX_NODE_POOL_REPLICAS,
): string | undefined {
  const value = text.trim();
  if (!/^\d+$/.test(value) || Number(value) > max) {
    return `Enter a whole number from 0 to ${max}.`;
  }
  if (Number(value) === current) {
    return `The pool already asks for ${current} replicas.`;
  }
  return undefined;
}
