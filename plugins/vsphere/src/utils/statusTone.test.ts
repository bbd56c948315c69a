import { conditionTone, statusTone } from './statusTone';

describe('statusTone', () => {
  it('reads vCenter, Cluster API and power states case-insensitively', () => {
    expect(statusTone('RUNNING')).toBe('ok');
    expect(statusTone('Provisioned')).toBe('ok');
    expect(statusTone('PoweredOn')).toBe('ok');
    expect(statusTone('CONFIGURING')).toBe('pending');
    expect(statusTone('ScalingUp')).toBe('pending');
    expect(statusTone('ERROR')).toBe('error');
    expect(statusTone('Failed')).toBe('error');
    expect(statusTone('poweredOff')).toBe('warning');
    expect(statusTone(undefined)).toBe('unknown');
    expect(statusTone('Whatever')).toBe('unknown');
  });

  it('reads conditions', () => {
    expect(conditionTone({ type: 'Ready', status: 'True' })).toBe('ok');
    expect(conditionTone({ type: 'Ready', status: 'False' })).toBe('warning');
    expect(conditionTone({ type: 'Ready', status: 'Unknown' })).toBe('unknown');
  });

  it('reads Cluster API conditions where False is the healthy state', () => {
    expect(conditionTone({ type: 'ScalingUp', status: 'False' })).toBe('ok');
    expect(conditionTone({ type: 'ScalingUp', status: 'True' })).toBe(
      'pending',
    );
    expect(conditionTone({ type: 'Deleting', status: 'False' })).toBe('ok');
  });
});
