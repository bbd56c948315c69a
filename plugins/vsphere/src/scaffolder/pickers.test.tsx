import { fireEvent, screen } from '@testing-library/react';
import { renderWithApi } from '../__testUtils__';
import { vsphereFields } from './pickers';

describe('vSphere scaffolder fields', () => {
  it.each([
    ['VsphereVCenterPicker', 'vcenters', {}],
    ['VsphereSupervisorPicker', 'supervisors', { vcenter: 'testenv' }],
    ['VsphereNamespacePicker', 'namespaces', { vcenter: 'testenv' }],
    ['VsphereStoragePolicyPicker', 'storage-policies', { vcenter: 'testenv' }],
    [
      'VsphereVmClassPicker',
      'vm-classes',
      { vcenter: 'testenv', namespace: 'demo' },
    ],
    ['VsphereImagePicker', 'images', { vcenter: 'testenv', namespace: 'demo' }],
    [
      'VsphereContentLibraryPicker',
      'content-libraries',
      { vcenter: 'testenv' },
    ],
    [
      'VsphereClusterPicker',
      'clusters',
      { vcenter: 'testenv', namespace: 'demo' },
    ],
    [
      'VsphereNodePoolPicker',
      'node-pools',
      { vcenter: 'testenv', namespace: 'demo', cluster: 'demo-cluster' },
    ],
    [
      'VsphereKubernetesVersionPicker',
      'kubernetes-versions',
      {
        vcenter: 'testenv',
        namespace: 'demo',
        clusterClass: 'builtin-generic-v3.4.0',
      },
    ],
    ['VsphereZonePicker', 'zones', { vcenter: 'testenv' }],
  ])('%s lists %s and sets the picked value', async (name, kind, query) => {
    const field = vsphereFields.find(f => f.name === name)!;
    const listOptions = jest
      .fn()
      .mockResolvedValue([{ value: 'picked', label: 'Picked one' }]);
    const onChange = jest.fn();
    const Component = field.component;

    renderWithApi(
      <Component
        {...({
          onChange,
          schema: { type: 'string', title: name },
          uiSchema: {},
          formContext: { formData: query },
          idSchema: { $id: `root_${name}` },
          rawErrors: [],
        } as any)}
      />,
      { listOptions },
      undefined,
    );
    fireEvent.mouseDown(screen.getByRole('textbox', { name }));
    fireEvent.click(await screen.findByText('Picked one'));

    expect(field.kind).toBe(kind);
    expect(listOptions).toHaveBeenCalledWith(kind, query);
    expect(onChange).toHaveBeenCalledWith('picked');
  });
});
