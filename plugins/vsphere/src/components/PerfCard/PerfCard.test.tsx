import { screen } from '@testing-library/react';
import { perfFixture, renderWithApi } from '../../__testUtils__';
import { PerfCard } from './PerfCard';

describe('PerfCard', () => {
  it('draws CPU and memory sparklines of each VM and its host, with the latest value', async () => {
    renderWithApi(<PerfCard entityRef="component:default/payments" />, {
      getPerf: jest.fn().mockResolvedValue(perfFixture()),
    });

    expect(
      await screen.findByRole('img', {
        name: 'CPU of web-1: 12% now, peak 40%',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: 'Memory of web-1: 58% now, peak 58%' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: 'CPU of esx-01.lab: 93% now, peak 93%' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Grafana/ })).toHaveAttribute(
      'href',
      'https://grafana.lab/d/vm?var-vm=web-1',
    );
  });

  it('says so when no VM has performance data', async () => {
    renderWithApi(<PerfCard entityRef="component:default/payments" />, {
      getPerf: jest.fn().mockResolvedValue({ vms: [], hosts: [] }),
    });
    expect(
      await screen.findByText('No VMs with performance data.'),
    ).toBeInTheDocument();
  });
});
