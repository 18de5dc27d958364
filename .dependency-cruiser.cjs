// The import boundaries of Samlad, checked by `npm test` (`npm run lint:boundaries`). Paths are
// relative to the folder depcruise runs in: the repository root, or a fixture tree in the test
// that shows each rule failing (tests/boundaries/boundaries.test.ts).
//
// Product code is shared/, functions/ and addin/src/ without their tests. Tests and developer
// tooling (scripts/, tests/, *.test.ts) may import anything.
const TEST = '\\.test\\.ts$|/testing/';
const PRODUCT = '^(shared|functions|addin/src)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment:
        'shared/ is the pure domain model: it imports no adapter (functions/, addin/), no tooling ' +
        '(scripts/, tests/), no Node built-in and no package but zod.',
      severity: 'error',
      from: { path: '^shared/', pathNot: TEST },
      to: {
        path: '^(functions|addin|scripts|tests)/|(^|/)node_modules/(?!zod/)',
      },
    },
    {
      name: 'shared-no-node-builtins',
      comment: 'shared/ runs in the pane and on the server alike: no node: modules (fs, path, crypto, zlib …).',
      severity: 'error',
      from: { path: '^shared/', pathNot: TEST },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'addin-imports-only-shared',
      comment: 'The task pane talks to the server through the API only: of the repository it imports shared/.',
      severity: 'error',
      from: { path: '^addin/src/', pathNot: TEST },
      to: { path: '^(functions|scripts|tests)/' },
    },
    {
      name: 'functions-not-addin',
      comment: 'The Functions app never imports the pane.',
      severity: 'error',
      from: { path: '^functions/' },
      to: { path: '^addin/' },
    },
    {
      name: 'pane-build-not-functions',
      comment: "The pane's build (scripts/addin-build/) depends on the pane and shared/, never on the Functions app.",
      severity: 'error',
      from: { path: '^scripts/addin-build/' },
      to: { path: '^functions/' },
    },
    {
      name: 'product-not-tooling',
      comment: 'Product code imports nothing from scripts/ or tests/: neither ships.',
      severity: 'error',
      from: { path: PRODUCT, pathNot: TEST },
      to: { path: '^(scripts|tests)/' },
    },
    {
      name: 'no-circular',
      comment: 'Modules form no import cycles.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|tests/fixtures)/' },
    // Type-only imports count: a type from functions/ in shared/ is still a wrong dependency.
    tsPreCompilationDeps: true,
    moduleSystems: ['cjs', 'es6'],
  },
};
