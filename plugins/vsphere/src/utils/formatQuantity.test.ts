import { formatQuantity, formatUsage } from './formatQuantity';

describe('formatQuantity', () => {
  it('shows CPU in MHz below 1 GHz and in GHz above', () => {
    expect(formatQuantity(500, 'MHz')).toBe('500 MHz');
    expect(formatQuantity(12500, 'MHz')).toBe('12.5 GHz');
    expect(formatQuantity(20000, 'MHz')).toBe('20 GHz');
  });

  it('shows memory and storage in binary units', () => {
    expect(formatQuantity(512, 'MiB')).toBe('512 MiB');
    expect(formatQuantity(4096, 'MiB')).toBe('4 GiB');
    expect(formatQuantity(1536, 'MiB')).toBe('1.5 GiB');
    expect(formatQuantity(2 * 1024 * 1024, 'MiB')).toBe('2 TiB');
  });
});

describe('formatUsage', () => {
  it('shows used against the limit', () => {
    expect(formatUsage({ used: 4000, limit: 20000, unit: 'MHz' })).toBe(
      '4 GHz of 20 GHz',
    );
  });

  it('says when there is no limit or no usage figure', () => {
    expect(formatUsage({ used: 2048, unit: 'MiB' })).toBe(
      '2 GiB used, no limit',
    );
    expect(formatUsage({ limit: 2048, unit: 'MiB' })).toBe('unknown of 2 GiB');
  });
});
