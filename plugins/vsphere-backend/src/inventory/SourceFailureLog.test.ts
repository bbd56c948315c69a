import { mockServices } from '@backstage/backend-test-utils';
import { SourceFailureLog } from './SourceFailureLog';

describe('SourceFailureLog', () => {
  it('logs a failing source once per minute, each source on its own', () => {
    const logger = mockServices.logger.mock();
    let now = 0;
    const log = new SourceFailureLog(logger, () => now);
    const vcenter = {
      source: 'vcenter:testenv',
      name: 'ServiceUnavailableError',
      message: "vCenter 'testenv' refused the portal's service account",
    };
    for (let i = 0; i < 100; i++) {
      log.report(vcenter);
      now += 100;
    }
    log.report({ ...vcenter, source: 'supervisor:testenv/supervisor' });
    expect(logger.warn).toHaveBeenCalledTimes(2);
    now = 60_000;
    log.report(vcenter);
    expect(logger.warn).toHaveBeenCalledTimes(3);
    expect(logger.warn).toHaveBeenNthCalledWith(
      1,
      "vSphere source vcenter:testenv failed: ServiceUnavailableError: vCenter 'testenv' refused the portal's service account",
      { source: 'vcenter:testenv' },
    );
  });
});
