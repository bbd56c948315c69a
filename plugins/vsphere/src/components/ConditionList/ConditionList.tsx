import { Flex } from '@backstage/ui';
import { Condition } from '@backstage-vsphere/plugin-vsphere-common';
import { conditionTone } from '../../utils/statusTone';
import { StatusLabel } from '../StatusLabel';

/** "Ready" when healthy; "Ready: reason, message" otherwise, since that is what needs reading. */
function describe(condition: Condition): string {
  if (conditionTone(condition) === 'ok') return condition.type;
  const detail = [condition.reason, condition.message]
    .filter(Boolean)
    .join(', ');
  return detail
    ? `${condition.type}: ${detail}`
    : `${condition.type} (${condition.status})`;
}

/** Kubernetes conditions, each with the icon of its status. */
export const ConditionList = (props: { conditions: Condition[] }) => {
  if (props.conditions.length === 0) {
    return <>—</>;
  }
  return (
    <Flex direction="column" gap="0.5">
      {props.conditions.map(condition => (
        <StatusLabel
          key={condition.type}
          tone={conditionTone(condition)}
          label={describe(condition)}
        />
      ))}
    </Flex>
  );
};
