import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// findBy* waits longer on a loaded 2-core CI machine, where the first render of a page is slow
configure({ asyncUtilTimeout: 10_000 });
// several steps of a rendered page take longer than 5 s on a loaded 2-core machine
jest.setTimeout(30_000);

// Material-UI v4, inside Backstage's MissingAnnotationEmptyState and the scaffolder's Autocomplete
// field, calls findDOMNode, which React 18 deprecates: not ours to fix, so not printed.
/* eslint-disable no-console -- this filter wraps console.error itself */
const consoleError = console.error;
console.error = (...args: unknown[]) => {
  const [message, ...rest] = args;
  if (
    typeof message === 'string' &&
    message.startsWith('Warning: findDOMNode is deprecated') &&
    rest.some(arg => String(arg).includes('@material-ui/'))
  ) {
    return;
  }
  consoleError(...args);
};
/* eslint-enable no-console */
