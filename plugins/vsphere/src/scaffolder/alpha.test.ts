import { createExtensionTester } from '@backstage/frontend-test-utils';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { vsphereFormFields } from './alpha';

describe('vsphereFormFields', () => {
  it('provide one scaffolder form field per picker, loaded under its ui:field name', async () => {
    const fields = await Promise.all(
      vsphereFormFields.map(extension =>
        createExtensionTester(extension).get(
          FormFieldBlueprint.dataRefs.formFieldLoader,
        )(),
      ),
    );
    expect(
      fields.map(f => {
        const field = f as unknown as { $$type: string; name: string };
        expect(field.$$type).toBe('@backstage/scaffolder/FormField');
        return field.name;
      }),
    ).toEqual([
      'VsphereVCenterPicker',
      'VsphereSupervisorPicker',
      'VsphereNamespacePicker',
      'VsphereStoragePolicyPicker',
      'VsphereVmClassPicker',
      'VsphereImagePicker',
      'VsphereContentLibraryPicker',
      'VsphereClusterPicker',
      'VsphereNodePoolPicker',
      'VsphereKubernetesVersionPicker',
      'VsphereZonePicker',
    ]);
  });
});
