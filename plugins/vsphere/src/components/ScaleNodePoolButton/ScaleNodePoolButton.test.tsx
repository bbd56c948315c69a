import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { clusterFixture, renderWithApi } from '../../__testUtils__';
import { WorkloadCluster } from '@backstage-vsphere/plugin-vsphere-common';
import {
  ScaleNodePoolButton,
  useScaleNodePoolDialog,
} from './ScaleNodePoolButton';

const entityRef = 'component:default/payments';

/** A row's button with the dialog its table keeps, as NodePoolsTable uses them. */
const Harness = (props: {
  cluster: WorkloadCluster;
  onScaled: (cluster: WorkloadCluster) => void;
}) => {
  const { openDialog: onOpen, dialog } = useScaleNodePoolDialog({
    entityRef,
    cluster: props.cluster,
    onScaled: props.onScaled,
  });
  return (
    <>
      <ScaleNodePoolButton pool={props.cluster.nodePools[0]} onOpen={onOpen} />
      {dialog}
    </>
  );
};

async function openDialog(api: Parameters<typeof renderWithApi>[1]) {
  const onScaled = jest.fn();
  renderWithApi(
    <Harness cluster={clusterFixture()} onScaled={onScaled} />,
    api,
  );
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Scale workers' }));
  const input = await screen.findByRole('textbox', { name: /Replicas/ });
  return { user, input, onScaled };
}

describe('ScaleNodePoolButton', () => {
  it('sends the new replica count and hands back the cluster', async () => {
    const scaled = clusterFixture();
    const scaleNodePool = jest.fn().mockResolvedValue(scaled);
    const { user, input, onScaled } = await openDialog({ scaleNodePool });
    expect(
      screen.getByRole('heading', { name: 'Scale node pool workers' }),
    ).toBeInTheDocument();
    expect(input).toHaveValue('2');

    await user.clear(input);
    await user.type(input, '4');
    await user.click(screen.getByRole('button', { name: 'Scale' }));

    await waitFor(() => expect(onScaled).toHaveBeenCalledWith(scaled));
    expect(scaleNodePool).toHaveBeenCalledWith({
      entityRef,
      cluster: 'tkc-1',
      nodePool: 'workers',
      replicas: 4,
    });
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it.each(['-1', '2.5', 'ten', '101'])(
    'rejects %s and sends nothing',
    async typed => {
      const scaleNodePool = jest.fn();
      const { user, input } = await openDialog({ scaleNodePool });
      await user.clear(input);
      await user.type(input, typed);

      expect(
        await screen.findByText('Enter a whole number from 0 to 100.'),
      ).toBeInTheDocument();
      const scale = screen.getByRole('button', { name: 'Scale' });
      expect(scale).toBeDisabled();
      await user.click(scale);
      expect(scaleNodePool).not.toHaveBeenCalled();
    },
  );

  it('shows why scaling failed and keeps the dialog open', async () => {
    const scaleNodePool = jest
      .fn()
      .mockRejectedValue(new Error('Not allowed to scale node pools'));
    const { user, input } = await openDialog({ scaleNodePool });
    await user.clear(input);
    await user.type(input, '3');
    await user.click(screen.getByRole('button', { name: 'Scale' }));
    expect(await screen.findByText('Scaling failed')).toBeInTheDocument();
    expect(
      screen.getByText('Not allowed to scale node pools'),
    ).toBeInTheDocument();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });
});
