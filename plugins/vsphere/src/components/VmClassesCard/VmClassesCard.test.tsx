import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import { namespaceFixture } from '../../__testUtils__';
import { VmClassesCard } from './VmClassesCard';

function cellsOf(table: HTMLElement, name: string) {
  const row = within(table).getByText(name).closest('tr')!;
  return within(row)
    .getAllByRole('cell')
    .map(c => c.textContent);
}

describe('VmClassesCard', () => {
  it('shows what each class reserves: all, nothing, or nothing known', async () => {
    renderInTestApp(
      <VmClassesCard
        namespace={namespaceFixture({
          vmClassDetails: [
            {
              name: 'guaranteed-large',
              cpus: 4,
              memoryMiB: 16384,
              cpuReservationPercent: 100,
              memoryReservationPercent: 100,
              memoryReservedMiB: 16384,
              reservation: 'guaranteed',
            },
            {
              name: 'best-effort-small',
              cpus: 2,
              memoryMiB: 4096,
              memoryReservedMiB: 0,
              reservation: 'best-effort',
            },
            { name: 'gone-class', reservation: 'unknown' },
          ],
        })}
      />,
    );
    const table = screen.getByRole('table', { name: 'VM classes' });
    expect(cellsOf(table, 'guaranteed-large')).toEqual([
      'guaranteed-large',
      '4 vCPU, 16 GiB',
      'Guaranteed',
      '100 %',
      '16 GiB (100 %)',
    ]);
    expect(cellsOf(table, 'best-effort-small')).toEqual([
      'best-effort-small',
      '2 vCPU, 4 GiB',
      'Best effort',
      '—',
      '0 MiB (0 %)',
    ]);
    expect(cellsOf(table, 'gone-class')).toEqual([
      'gone-class',
      '—',
      'Not in vCenter',
      '—',
      '—',
    ]);
  });

  it('says what to do when the namespace has no class', async () => {
    renderInTestApp(
      <VmClassesCard namespace={namespaceFixture({ vmClassDetails: [] })} />,
    );
    expect(
      screen.getByText(/No VM class assigned to this namespace/),
    ).toBeInTheDocument();
  });
});
