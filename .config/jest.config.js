// One Jest configuration, three tiers: unit (*.spec.ts, pure, no services),
// integration (*.int-spec.ts, real Redis and PostgreSQL) and e2e (test/**/*.e2e-spec.ts).
const path = require('node:path');
const { compilerOptions } = require('../tsconfig.base.json');

const rootDir = path.resolve(__dirname, '..');
const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  moduleNameMapper[`^${alias.replace('/', '\\/')}$`] = `<rootDir>/${target}`;
}
// Packages published only as ES modules are compiled to CommonJS for Jest.
const esmOnly = ['@marcbachmann/cel-js', 'file-type', 'strtok3', 'token-types', '@tokenizer', 'uint8array-extras', '@borewit'];
const transform = {
  '^.+\\.(t|j)s$': ['@swc/jest', { swcrc: false, ...require('./swc.json') }],
};
const common = {
  rootDir,
  moduleNameMapper,
  transform,
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  testEnvironment: 'node',
  modulePathIgnorePatterns: ['<rootDir>/.data', '<rootDir>/tmp', '<rootDir>/dist'],
};

module.exports = {
  rootDir,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts', '<rootDir>/bench/**/*.spec.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'], slowTestThreshold: 30 },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'], slowTestThreshold: 60 },
  ],
};
