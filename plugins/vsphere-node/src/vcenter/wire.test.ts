import { compact, readKey, readNumber, readText } from './wire';

describe('wire readers', () => {
  it('find keys whatever their casing or underscores', () => {
    for (const key of ['memory_MB', 'memory_mb', 'memoryMB', 'MEMORY_MB']) {
      expect(readNumber({ [key]: 4096 }, 'memory_MB')).toBe(4096);
    }
    expect(
      readNumber({ memory_size_MiB: 2048 }, 'memory_MB', 'memory_size_MiB'),
    ).toBe(2048);
  });

  it('prefer an exact key and skip nulls', () => {
    expect(
      readKey(
        { cluster: null, supervisor: 'domain-c1' },
        'cluster',
        'supervisor',
      ),
    ).toBe('domain-c1');
    expect(readKey({ Cluster: 'b', cluster: 'a' }, 'cluster')).toBe('a');
  });

  it('read numeric strings and treat empty text as unset', () => {
    expect(readNumber({ limit: '100' }, 'limit')).toBe(100);
    expect(readNumber({ limit: 'lots' }, 'limit')).toBeUndefined();
    expect(readText({ description: '' }, 'description')).toBeUndefined();
  });

  it('compact drops undefined fields only', () => {
    expect(compact({ a: 1, b: undefined, c: 0, d: '' })).toEqual({
      a: 1,
      c: 0,
      d: '',
    });
  });
});
