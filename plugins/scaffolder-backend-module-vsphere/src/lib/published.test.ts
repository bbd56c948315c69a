import { mockServices } from '@backstage/backend-test-utils';
import { publishCreated } from './published';

describe('publishCreated', () => {
  const logger = mockServices.logger.mock();

  it('publishes on the topic the catalog module listens on', async () => {
    const events = { publish: jest.fn(async () => {}), subscribe: jest.fn() };
    await publishCreated(events, logger, {
      vcenter: 'vc-1',
      kind: 'vm',
      namespace: 'demo',
      name: 'web-1',
    });
    expect(events.publish).toHaveBeenCalledWith({
      topic: 'vsphere.resource.created',
      eventPayload: {
        vcenter: 'vc-1',
        kind: 'vm',
        namespace: 'demo',
        name: 'web-1',
      },
    });
  });

  it('only warns when publishing fails: the provider catches up on its next refresh', async () => {
    const events = {
      publish: jest.fn(async () => {
        throw new Error('bus down');
      }),
      subscribe: jest.fn(),
    };
    await expect(
      publishCreated(events, logger, {
        vcenter: 'vc-1',
        kind: 'namespace',
        namespace: 'a',
        name: 'a',
      }),
    ).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(
      "The catalog will show namespace 'a' after its next refresh; publishing the event failed: Error: bus down",
    );
  });
});
