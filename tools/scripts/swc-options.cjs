// One place that turns tsconfig.base.json into SWC options, so the build and Jest compile alike
// and the `@tandem/*` path aliases are declared only in tsconfig.base.json.
const fs = require('node:fs');
const path = require('node:path');

const workspaceRoot = path.resolve(__dirname, '../..');

function readTsPaths() {
  const tsconfig = JSON.parse(fs.readFileSync(path.join(workspaceRoot, 'tsconfig.base.json'), 'utf8'));
  return tsconfig.compilerOptions.paths;
}

/** SWC options for CommonJS output with Nest's decorator metadata and path aliases rewritten. */
function swcOptions({ rewritePaths }) {
  return {
    sourceMaps: true,
    module: { type: 'commonjs' },
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
      ...(rewritePaths ? { baseUrl: workspaceRoot, paths: readTsPaths() } : {}),
    },
  };
}

module.exports = { swcOptions, readTsPaths, workspaceRoot };
