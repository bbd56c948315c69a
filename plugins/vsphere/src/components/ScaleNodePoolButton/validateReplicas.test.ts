import { validateReplicas } from './validateReplicas';

describe('validateReplicas', () => {
  it('accepts whole numbers from 0 to the maximum other than the current count', () => {
    expect(validateReplicas('0', 2)).toBeUndefined();
    expect(validateReplicas(' 5 ', 2)).toBeUndefined();
    expect(validateReplicas('10', 2, 10)).toBeUndefined();
  });

  it('rejects negatives, fractions, words and counts above the maximum', () => {
    const message = 'Enter a whole number from 0 to 10.';
    expect(validateReplicas('-1', 2, 10)).toBe(message);
    expect(validateReplicas('1.5', 2, 10)).toBe(message);
    expect(validateReplicas('three', 2, 10)).toBe(message);
    expect(validateReplicas('', 2, 10)).toBe(message);
    expect(validateReplicas('11', 2, 10)).toBe(message);
  });

  it('rejects the count the pool already asks for', () => {
    expect(validateReplicas('2', 2)).toBe(
      'The pool already asks for 2 replicas.',
    );
  });
});
