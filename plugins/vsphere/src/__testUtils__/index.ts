export * from './fixtures';
export * from './renderWithApi';
export * from './insightFixtures';
