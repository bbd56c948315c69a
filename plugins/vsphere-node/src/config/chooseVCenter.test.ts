import { chooseVCenter } from './chooseVCenter';
import { VCenterConfig } from './types';

const vc = (name: string) => ({ name } as VCenterConfig);
const messages = {
  notConfigured: (name: string, configured: string) =>
    `'${name}' is not one of ${configured}`,
  nameRequired: (count: number, configured: string) =>
    `name one of ${count}: ${configured}`,
};

describe('chooseVCenter', () => {
  it('takes the named vCenter, or the only one when none is named', () => {
    const east = vc('vc-east');
    expect(chooseVCenter([east, vc('vc-west')], 'vc-east', messages)).toBe(
      east,
    );
    expect(chooseVCenter([east], undefined, messages)).toBe(east);
  });

  it('words a refusal as the caller says, listing what is configured', () => {
    expect(() => chooseVCenter([vc('vc-east')], 'vc-west', messages)).toThrow(
      "'vc-west' is not one of vc-east",
    );
    expect(() =>
      chooseVCenter([vc('vc-east'), vc('vc-west')], undefined, messages),
    ).toThrow('name one of 2: vc-east, vc-west');
    expect(() => chooseVCenter([], undefined, messages)).toThrow(
      'name one of 0: none',
    );
  });
});
