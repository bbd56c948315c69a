import { mockServices } from '@backstage/backend-test-utils';
import { testenvKubectl } from '../testUtils';
import { TokenSource, buildKubeConfig } from './kubeConfig';
import { KubeObjectList } from './objects';
import { SupervisorWatchEvent, startWatch } from './watch';
import {
  eventually,
  testenvSupervisorClient,
  testenvSupervisorConfig,
  uniqueName,
} from './__testUtils__/testenvSupervisor';

jest.setTimeout(60_000);

describe('startWatch against the testenv kube-apiserver', () => {
  it('lists again when the server answers 410 Gone, then follows changes', async () => {
    const { env, client } = testenvSupervisorClient();
    const config = testenvSupervisorConfig(env);
    const kubeConfig = buildKubeConfig(
      config,
      new TokenSource(config.name, config.token, config.tokenFile),
    );
    const lists: string[] = [];
    // the first list claims a resourceVersion long compacted away, as after a long disconnect;
    // later ones claim none, which makes the watch start from the current state
    const list = async (): Promise<KubeObjectList> => {
      const items = await client.list('VirtualMachine', { namespace: 'demo' });
      const resourceVersion = lists.length === 0 ? '1' : '';
      lists.push(resourceVersion || 'current');
      return { items, metadata: { resourceVersion } } as KubeObjectList;
    };
    const events: SupervisorWatchEvent[] = [];
    const logger = mockServices.logger.mock();
    const watch = await startWatch({
      kubeConfig,
      path: `/apis/vmoperator.vmware.com/${
        (
          await client.apiVersions()
        ).vmOperator
      }/namespaces/demo/virtualmachines`,
      list,
      description: {
        supervisor: config.name,
        url: config.url,
        timeoutMs: 10_000,
        verb: 'watch',
        resource: 'virtualmachines.vmoperator.vmware.com',
        namespace: 'demo',
      },
      logger,
      onEvent: event => events.push(event),
    });
    const label = uniqueName('relist');
    const vm = watch.list()[0].metadata.name;
    try {
      // the 410 made the informer list again
      await eventually(
        async () => lists.length,
        n => n >= 2,
        20_000,
      );
      testenvKubectl(
        env,
        'label',
        'virtualmachine',
        '-n',
        'demo',
        vm,
        `relist=${label}`,
        '--overwrite',
      );
      const seen = await eventually(
        async () =>
          events.find(
            e =>
              e.type === 'modified' &&
              e.object.metadata.labels?.relist === label,
          ),
        found => Boolean(found),
        20_000,
      );
      expect(seen?.object.metadata.name).toBe(vm);
      expect(lists[0]).toBe('1');
      // a relist, not a failure and reconnect: nothing was logged as failing
      expect(logger.warn).not.toHaveBeenCalled();
    } finally {
      testenvKubectl(
        env,
        'label',
        'virtualmachine',
        '-n',
        'demo',
        vm,
        'relist-',
      );
      await watch.stop();
      client.close();
    }
  });
});
