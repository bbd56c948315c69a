import { mockServices } from '@backstage/backend-test-utils';
import { audited } from './audit';

describe('audited', () => {
  const event = { success: jest.fn(), fail: jest.fn() };
  const auditor = mockServices.auditor.mock({
    createEvent: jest.fn(async () => event),
  });
  beforeEach(() => jest.clearAllMocks());

  it('records a successful change', async () => {
    await expect(
      audited(
        auditor,
        { eventId: 'vm-create', meta: { vm: 'a' } },
        async () => 42,
      ),
    ).resolves.toBe(42);
    expect(auditor.createEvent).toHaveBeenCalledWith({
      eventId: 'vm-create',
      severityLevel: 'medium',
      meta: { vm: 'a' },
    });
    expect(event.success).toHaveBeenCalledTimes(1);
    expect(event.fail).not.toHaveBeenCalled();
  });

  it('records a failed change and rethrows', async () => {
    const error = new Error('denied by vCenter');
    await expect(
      audited(auditor, { eventId: 'vm-create', meta: {} }, async () => {
        throw error;
      }),
    ).rejects.toBe(error);
    expect(event.fail).toHaveBeenCalledWith({ error });
  });
});
