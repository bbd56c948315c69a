import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// findBy* waits longer on a loaded 2-core CI machine, where the first render of a page is slow
configure({ asyncUtilTimeout: 10_000 });
// several steps of a rendered page take longer than 5 s on a loaded 2-core machine
jest.setTimeout(30_000);
