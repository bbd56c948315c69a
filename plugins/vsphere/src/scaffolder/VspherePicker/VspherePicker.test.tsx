import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithApi } from '../../__testUtils__';
import { VspherePicker, VspherePickerProps } from './VspherePicker';

function props(overrides: Partial<VspherePickerProps>): VspherePickerProps {
  return {
    kind: 'vm-classes',
    onChange: jest.fn(),
    schema: { type: 'string', title: 'VM class' },
    uiSchema: {},
    formData: undefined,
    formContext: { formData: { vcenter: 'testenv', namespace: 'demo' } },
    required: true,
    rawErrors: [],
    idSchema: { $id: 'root_vmClass' },
    ...overrides,
  } as unknown as VspherePickerProps;
}

const classes = [
  {
    value: 'best-effort-small',
    label: 'best-effort-small',
    description: '2 vCPU, 4 GiB',
  },
  {
    value: 'guaranteed-large',
    label: 'guaranteed-large',
    description: '4 vCPU, 16 GiB',
  },
];

describe('VspherePicker', () => {
  it('lists live options scoped by the form and reports the chosen value', async () => {
    const listOptions = jest.fn().mockResolvedValue(classes);
    const onChange = jest.fn();
    renderWithApi(
      <VspherePicker {...props({ onChange })} />,
      { listOptions },
      undefined,
    );

    fireEvent.mouseDown(screen.getByRole('textbox', { name: /VM class/ }));
    fireEvent.click(
      await screen.findByText('guaranteed-large — 4 vCPU, 16 GiB'),
    );

    expect(listOptions).toHaveBeenCalledWith('vm-classes', {
      vcenter: 'testenv',
      namespace: 'demo',
    });
    expect(onChange).toHaveBeenCalledWith('guaranteed-large');
  });

  it('chooses several values for an array field', async () => {
    const listOptions = jest.fn().mockResolvedValue(classes);
    const onChange = jest.fn();
    renderWithApi(
      <VspherePicker
        {...props({
          onChange,
          schema: { type: 'array', title: 'VM classes' },
          formData: ['best-effort-small'],
        })}
      />,
      { listOptions },
      undefined,
    );

    expect(await screen.findByText('best-effort-small')).toBeInTheDocument();
    fireEvent.mouseDown(screen.getByRole('textbox', { name: /VM classes/ }));
    const listbox = await screen.findByRole('listbox');
    fireEvent.click(within(listbox).getByText(/guaranteed-large/));

    expect(onChange).toHaveBeenCalledWith([
      'best-effort-small',
      'guaranteed-large',
    ]);
  });

  it('asks for a namespace before listing images', async () => {
    const listOptions = jest.fn();
    renderWithApi(
      <VspherePicker
        {...props({
          kind: 'images',
          schema: { type: 'string', title: 'Image' },
          formContext: { formData: {} },
        })}
      />,
      { listOptions },
      undefined,
    );

    expect(
      await screen.findByText('Choose a namespace first'),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Image/ })).toBeDisabled();
    expect(listOptions).not.toHaveBeenCalled();
  });

  it('asks for a cluster before listing node pools', async () => {
    const listOptions = jest.fn();
    renderWithApi(
      <VspherePicker
        {...props({
          kind: 'node-pools',
          schema: { type: 'string', title: 'Node pool' },
          formContext: { formData: { namespace: 'demo' } },
        })}
      />,
      { listOptions },
      undefined,
    );

    expect(
      await screen.findByText('Choose a cluster first'),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Node pool/ })).toBeDisabled();
    expect(listOptions).not.toHaveBeenCalled();
  });

  it('says what failed and lets the name be typed when the options cannot be loaded', async () => {
    const listOptions = jest
      .fn()
      .mockRejectedValue(new Error('Not allowed to list vSphere options'));
    const onChange = jest.fn();
    renderWithApi(
      <VspherePicker {...props({ onChange })} />,
      { listOptions },
      undefined,
    );

    expect(
      await screen.findByText(
        'Could not load VM classes: Not allowed to list vSphere options; type the name instead',
      ),
    ).toBeInTheDocument();
    fireEvent.change(screen.getByRole('textbox', { name: /VM class/ }), {
      target: { value: 'best-effort-small' },
    });
    expect(onChange).toHaveBeenCalledWith('best-effort-small');
  });

  it('says when there is nothing to choose', async () => {
    const listOptions = jest.fn().mockResolvedValue([]);
    renderWithApi(<VspherePicker {...props({})} />, { listOptions }, undefined);
    await waitFor(() =>
      expect(screen.getByText('No VM classes found')).toBeInTheDocument(),
    );
  });
});
