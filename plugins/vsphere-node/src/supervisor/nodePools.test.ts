import { addWorker, removeWorker, scaleWorkers } from './nodePools';

const workers = [
  { class: 'node-pool', name: 'np-small', replicas: 2 },
  {
    class: 'node-pool',
    name: 'np-large',
    replicas: 1,
    variables: { overrides: [{ name: 'vmClass', value: 'guaranteed-large' }] },
  },
];

describe('topology edits', () => {
  it('scales one pool and keeps the others as they were', () => {
    expect(scaleWorkers(workers, 'c', 'np-small', 3)).toEqual([
      { class: 'node-pool', name: 'np-small', replicas: 3 },
      workers[1],
    ]);
  });

  it('returns the same list when the pool already has that many replicas', () => {
    expect(scaleWorkers(workers, 'c', 'np-small', 2)).toBe(workers);
  });

  it('refuses to scale a pool the topology does not have', () => {
    expect(() => scaleWorkers(workers, 'c', 'np-none', 1)).toThrow(
      "Node pool 'np-none' is not in the topology of cluster 'c'",
    );
  });

  it('adds a pool with VM and storage class overrides and the existing worker class', () => {
    expect(
      addWorker(workers, 'c', {
        name: 'np-gpu',
        replicas: 1,
        vmClass: 'gpu-large',
        storageClass: 'k8s-gold',
      })[2],
    ).toEqual({
      class: 'node-pool',
      name: 'np-gpu',
      replicas: 1,
      variables: {
        overrides: [
          { name: 'vmClass', value: 'gpu-large' },
          { name: 'storageClass', value: 'k8s-gold' },
        ],
      },
    });
  });

  it('treats adding an equal pool again as done, and a different one as a conflict', () => {
    expect(
      addWorker(workers, 'c', {
        name: 'np-large',
        replicas: 5,
        vmClass: 'guaranteed-large',
      }),
    ).toBe(workers);
    expect(() =>
      addWorker(workers, 'c', {
        name: 'np-large',
        replicas: 1,
        vmClass: 'best-effort-small',
      }),
    ).toThrow("Node pool 'np-large' already exists in cluster 'c'");
  });

  it('removes a pool, and removing it again changes nothing', () => {
    const removed = removeWorker(workers, 'np-small');
    expect(removed.map(w => w.name)).toEqual(['np-large']);
    expect(removeWorker(removed, 'np-small')).toBe(removed);
  });
});
