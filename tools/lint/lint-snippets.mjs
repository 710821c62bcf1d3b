// Lints source snippets as if they were files at given workspace paths, with the workspace's
// real ESLint config, and prints the messages as JSON. Used by the module-boundary tests,
// which run it as a child process (ESLint's ESM config cannot load inside Jest's sandbox).
// stdin: [{ "filePath": "apps/goals/src/x.ts", "code": "..." }]  stdout: [{ filePath, messages }]
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const workspaceRoot = path.resolve(import.meta.dirname, '../..');
const snippets = JSON.parse(readFileSync(0, 'utf8'));
const eslint = new ESLint({ cwd: workspaceRoot });
const results = [];
for (const { filePath, code } of snippets) {
  const [result] = await eslint.lintText(code, { filePath: path.join(workspaceRoot, filePath) });
  results.push({
    filePath,
    messages: (result?.messages ?? []).map(({ ruleId, message, severity }) => ({ ruleId, message, severity })),
  });
}
process.stdout.write(JSON.stringify(results));
