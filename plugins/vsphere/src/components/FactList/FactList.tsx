import { ReactNode } from 'react';
import { Flex, Text } from '@backstage/ui';

/** A label and what it is; a missing value shows as a dash. */
export interface Fact {
  label: string;
  value?: ReactNode;
}

/** Label/value pairs in a wrapping row, for the few facts a card leads with. */
export const FactList = (props: { facts: Fact[] }) => (
  <Flex gap="4" style={{ flexWrap: 'wrap' }}>
    {props.facts.map(fact => (
      <Flex key={fact.label} gap="1" align="center">
        <Text color="secondary">{fact.label}</Text>
        <Text as="span">{fact.value ?? '—'}</Text>
      </Flex>
    ))}
  </Flex>
);
