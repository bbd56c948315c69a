import { useApi } from '@backstage/core-plugin-api';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import {
  PickerKind,
  PickerOption,
} from '@backstage-vsphere/plugin-vsphere-common';
import FormControl from '@material-ui/core/FormControl';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import useAsync from 'react-use/esm/useAsync';
import { vsphereApiRef } from '../../api';
import {
  PickerScopeNeeded,
  VspherePickerUiOptions,
  pickerScope,
} from './pickerQuery';

/** What each picker lists, for its empty and waiting states. */
const NOUNS: Record<PickerKind, string> = {
  vcenters: 'vCenters',
  supervisors: 'Supervisors',
  namespaces: 'Supervisor namespaces',
  'storage-policies': 'storage policies',
  'vm-classes': 'VM classes',
  images: 'VM images',
  'content-libraries': 'content libraries',
  clusters: 'clusters',
  'node-pools': 'node pools',
  'kubernetes-versions': 'Kubernetes versions',
  zones: 'vSphere zones',
};

/** The line under the field: what went wrong, what to do first, or the field's description. */
function pickerHelperText(state: {
  kind: PickerKind;
  error?: Error;
  waitingFor?: PickerScopeNeeded;
  empty: boolean;
  description?: string;
}): string | undefined {
  if (state.error) {
    return `Could not load ${NOUNS[state.kind]}: ${
      state.error.message
    }; type the name instead`;
  }
  if (state.waitingFor) {
    return `Choose a ${state.waitingFor} first`;
  }
  if (state.empty) {
    return `No ${NOUNS[state.kind]} found`;
  }
  return state.description;
}

/** The form value as Autocomplete options: a list for an array field, else one or none. */
function selectedOptions(
  formData: string | string[] | undefined,
  multiple: boolean,
  toOption: (value: string) => PickerOption,
): PickerOption | PickerOption[] | null {
  if (multiple) {
    // the form may seed an array field with an empty entry; it is no choice
    return (Array.isArray(formData) ? formData.filter(Boolean) : []).map(
      toOption,
    );
  }
  return typeof formData === 'string' && formData ? toOption(formData) : null;
}

/** Props of a vSphere picker: a string field, or an array field for several choices. */
export type VspherePickerProps = FieldExtensionComponentProps<
  string | string[],
  VspherePickerUiOptions
> & { kind: PickerKind };

/**
 * A field that offers the live options of one kind from the vsphere backend, scoped by the
 * vCenter, Supervisor, namespace (and for node pools, cluster) chosen elsewhere in the form.
 */
export function VspherePicker(props: VspherePickerProps) {
  const {
    kind,
    onChange,
    schema,
    uiSchema,
    formData,
    formContext,
    required,
    rawErrors,
    idSchema,
    disabled,
  } = props;
  const api = useApi(vsphereApiRef);
  const multiple = schema.type === 'array';
  const { query, missing } = pickerScope(
    kind,
    (uiSchema?.['ui:options'] ?? {}) as VspherePickerUiOptions,
    (formContext?.formData ?? {}) as Record<string, unknown>,
  );
  const queryKey = JSON.stringify(query);
  const {
    value: options,
    loading,
    error,
  } = useAsync(
    async () => (query ? api.listOptions(kind, query) : []),
    [api, kind, queryKey],
  );

  const byValue = new Map((options ?? []).map(o => [o.value, o]));
  const toOption = (value: string): PickerOption =>
    byValue.get(value) ?? { value, label: value };
  const helperText = pickerHelperText({
    kind,
    error,
    waitingFor: missing,
    empty: !loading && options?.length === 0,
    description: schema.description,
  });
  const label = schema.title ?? NOUNS[kind];

  if (error) {
    // The backend is unreachable or refuses: a typed name still reaches the action, which validates it.
    return (
      <FormControl fullWidth required={required}>
        <TextField
          id={idSchema?.$id}
          label={label}
          required={required}
          disabled={disabled}
          value={Array.isArray(formData) ? formData.join(', ') : formData ?? ''}
          onChange={e =>
            onChange(
              multiple
                ? e.target.value
                    .split(',')
                    .map(v => v.trim())
                    .filter(Boolean)
                : e.target.value || undefined,
            )
          }
          error
          helperText={helperText}
        />
      </FormControl>
    );
  }

  return (
    <FormControl fullWidth required={required}>
      <Autocomplete<PickerOption, boolean>
        id={idSchema?.$id}
        multiple={multiple}
        disabled={disabled || !query}
        loading={loading}
        options={options ?? []}
        value={selectedOptions(formData, multiple, toOption)}
        getOptionLabel={o => o.label}
        getOptionSelected={(o, v) => o.value === v.value}
        renderOption={o => (
          <span>
            {o.label}
            {o.description ? ` — ${o.description}` : ''}
          </span>
        )}
        onChange={(_, selected) =>
          onChange(
            Array.isArray(selected)
              ? selected.map(o => o.value)
              : (selected as PickerOption | null)?.value,
          )
        }
        renderInput={params => (
          <TextField
            {...params}
            label={label}
            // chips are the value of a multiple field: an empty text box must not fail the browser's check
            required={
              multiple
                ? required &&
                  !(Array.isArray(formData) && formData.some(Boolean))
                : required
            }
            margin="dense"
            variant="outlined"
            error={Boolean(rawErrors?.length)}
            helperText={helperText}
          />
        )}
      />
    </FormControl>
  );
}
