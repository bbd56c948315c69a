import { parseMebibytes, parseMegahertz } from './quantities';

describe('quantities', () => {
  it('converts memory and storage to MiB', () => {
    expect(parseMebibytes('memoryLimit', '8Gi')).toBe(8192);
    expect(parseMebibytes('storageLimit', '500GiB')).toBe(512000);
    expect(parseMebibytes('storageLimit', '1Ti')).toBe(1048576);
    expect(parseMebibytes('memoryLimit', '512Mi')).toBe(512);
    expect(parseMebibytes('memoryLimit', '1.5Gi')).toBe(1536);
  });

  it('converts CPU to MHz', () => {
    expect(parseMegahertz('cpuLimit', '4GHz')).toBe(4000);
    expect(parseMegahertz('cpuLimit', '2500MHz')).toBe(2500);
  });

  it('names the field and the rule on bad input', () => {
    expect(() => parseMebibytes('memoryLimit', '8GB')).toThrow(
      "memoryLimit: '8GB' is not a quantity; use a number and one of Mi, MiB, Gi, GiB, Ti, TiB (e.g. '8Gi')",
    );
    expect(() => parseMegahertz('cpuLimit', '4')).toThrow(
      "cpuLimit: '4' is not a quantity",
    );
    expect(() => parseMebibytes('memoryLimit', '0Gi')).toThrow(
      "memoryLimit: '0Gi' must be a positive whole number of Mi",
    );
    expect(() => parseMebibytes('memoryLimit', '0.0001Gi')).toThrow(
      /must be a positive whole number/,
    );
  });
});
