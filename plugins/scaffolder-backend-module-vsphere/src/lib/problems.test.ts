import { InputError, NotFoundError } from '@backstage/errors';
import { InputProblems } from './problems';

describe('InputProblems', () => {
  it('passes when nothing was recorded and returns the checks’ values', async () => {
    const problems = new InputProblems();
    expect(problems.check(() => 1)).toBe(1);
    await expect(problems.checkAsync(async () => 'x')).resolves.toBe('x');
    expect(() => problems.throwIfAny()).not.toThrow();
  });

  it('reports one problem as is and several together', async () => {
    const one = new InputProblems();
    one.check(() => {
      throw new InputError('name: bad');
    });
    expect(() => one.throwIfAny()).toThrow(new InputError('name: bad'));

    const two = new InputProblems();
    two.add('name: bad');
    await two.checkAsync(async () => {
      throw new InputError('cpuLimit: bad');
    });
    expect(() => two.throwIfAny()).toThrow(
      '2 inputs are invalid: name: bad; cpuLimit: bad',
    );
  });

  it('lets errors other than bad input through', async () => {
    const problems = new InputProblems();
    expect(() =>
      problems.check(() => {
        throw new NotFoundError('gone');
      }),
    ).toThrow(NotFoundError);
    await expect(
      problems.checkAsync(async () => {
        throw new Error('network');
      }),
    ).rejects.toThrow('network');
  });

  it('returns the checked values narrowed, or throws the recorded problems', () => {
    const ok = new InputProblems();
    const target: { name: string } | undefined = ok.check(() => ({
      name: 'vc',
    }));
    expect(ok.valid({ target }).target.name).toBe('vc');

    const bad = new InputProblems();
    const missing = bad.check((): string => {
      throw new InputError('vcenter: unknown');
    });
    expect(() => bad.valid({ missing })).toThrow(
      new InputError('vcenter: unknown'),
    );
    // a check that failed silently is a bug, never passed on as valid
    expect(() => new InputProblems().valid({ target: undefined })).toThrow(
      "Validation left 'target' unset without a problem",
    );
  });
});
