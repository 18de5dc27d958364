/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/shared', '<rootDir>/functions', '<rootDir>/addin', '<rootDir>/tests', '<rootDir>/scripts'],
  testMatch: ['**/*.test.ts'],
  // Fixtures may look like tests (tests/fixtures/boundaries/ has a test file the boundary rules must allow).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/fixtures/'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
  },
  // jose ships ESM only; let ts-jest turn it into CommonJS for the test runtime.
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  moduleNameMapper: {
    '^office-addin-manifest$': require.resolve('office-addin-manifest/lib/officeApp.js'),
  },
  testTimeout: 30000,
};
