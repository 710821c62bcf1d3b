import path from 'node:path';

/**
 * A worker thread's file next to this one, and how to start it: compiled JavaScript in a build;
 * under Jest, TypeScript loaded through @swc-node/register, as the tests load everything else.
 */
export function workerFile(name: string): { filename: string; execArgv?: string[]; env?: NodeJS.ProcessEnv } {
  const fromSource = __filename.endsWith('.ts');
  const filename = require.resolve(fromSource ? `./${name}.ts` : `./${name}`);
  if (!fromSource) return { filename };
  return {
    filename,
    execArgv: ['--require', require.resolve('@swc-node/register')],
    env: { ...process.env, SWC_NODE_PROJECT: path.resolve(__dirname, '../../../../../tsconfig.base.json') },
  };
}
