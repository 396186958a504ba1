import { ts } from './dist/src/typescript.js';
import { extractModel } from './dist/src/extract/extract-file.js';
import { globby } from 'globby';
import { readFileSync } from 'node:fs';
const files = await globby(['**/*.{test,spec}.ts'], { cwd: '/tmp/bench-2k', absolute: true });
const texts = files.map((f) => readFileSync(f, 'utf8'));
for (let round = 0; round < 4; round++) {
let t = performance.now(); for (let i = 0; i < files.length; i++) ts.createSourceFile(files[i], texts[i], ts.ScriptTarget.Latest, false, ts.ScriptKind.TS); const parse = performance.now() - t;
t = performance.now(); let n=0; for (let i = 0; i < files.length; i++) { const sf = ts.createSourceFile(files[i], texts[i], ts.ScriptTarget.Latest, false, ts.ScriptKind.TS); const v = (node) => { n++; ts.forEachChild(node, v); }; ts.forEachChild(sf, v); } const floor = performance.now() - t;
t = performance.now(); for (let i = 0; i < files.length; i++) extractModel(files[i], texts[i], () => null); const ex = performance.now() - t;
console.log({ parse: parse.toFixed(0), floor: floor.toFixed(0), extract: ex.toFixed(0) });
}
