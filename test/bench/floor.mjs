// The floor: what parsing alone costs. Lists the same test files test-audit audits, reads each,
// parses it with the TypeScript parser ts-morph bundles, and visits every node once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globby } from 'globby';
import { ts } from 'ts-morph';

export async function floor(root) {
  const files = await globby(['**/*.{test,spec}.{ts,tsx,js,jsx,mjs,cjs,mts,cts}'], { cwd: root, gitignore: true, ignore: ['**/node_modules/**'] });
  let nodes = 0;
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    const kind = file.endsWith('.ts') || file.endsWith('.mts') || file.endsWith('.cts') ? ts.ScriptKind.TS : ts.ScriptKind.JSX;
    const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
    const visit = (node) => {
      nodes++;
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(sourceFile, visit);
  }
  return { files: files.length, nodes };
}
