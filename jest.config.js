/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/shared', '<rootDir>/functions', '<rootDir>/addin', '<rootDir>/tests', '<rootDir>/scripts'],
  testMatch: ['**/*.test.ts'],
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
