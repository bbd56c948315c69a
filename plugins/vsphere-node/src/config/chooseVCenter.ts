import { InputError } from '@backstage/errors';
import { VCenterConfig } from './types';

/**
 * How a caller words a failed choice, naming where the name came from (an annotation, an input).
 * @public
 */
export interface VCenterChoiceMessages {
  /** A name was given that no configured vCenter has; `configured` lists the names. */
  notConfigured(name: string, configured: string): string;
  /** No name was given and not exactly one vCenter is configured. */
  nameRequired(count: number, configured: string): string;
}

/**
 * The named vCenter, or the only one configured when no name is given: the one rule for every
 * annotation, action input and route; the caller words the InputError.
 * @public
 */
export function chooseVCenter(
  vcenters: VCenterConfig[],
  name: string | undefined,
  messages: VCenterChoiceMessages,
): VCenterConfig {
  const configured = vcenters.map(vc => vc.name).join(', ') || 'none';
  if (name) {
    const found = vcenters.find(vc => vc.name === name);
    if (!found) {
      throw new InputError(messages.notConfigured(name, configured));
    }
    return found;
  }
  if (vcenters.length !== 1) {
    throw new InputError(messages.nameRequired(vcenters.length, configured));
  }
  return vcenters[0];
}
