import {
  FormFieldBlueprint,
  createFormField,
} from '@backstage/plugin-scaffolder-react/alpha';
import { vsphereFields } from './pickers';

/**
 * The vSphere pickers as scaffolder form fields of the new frontend system.
 * @alpha
 */
export const vsphereFormFields = vsphereFields.map(({ name, component }) =>
  FormFieldBlueprint.make({
    name,
    params: {
      field: async () => createFormField({ name, component }),
    },
  }),
);
