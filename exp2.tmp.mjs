import { ts } from './dist/src/typescript.js';
import { extractModel } from './dist/src/extract/extract-file.js';
import { globby } from 'globby';
import { readFileSync } from 'node:fs';
const files = await globby(['**/*.{test,spec}.ts'], { cwd: '/tmp/bench-2k', absolute: true });
const texts = files.map((f) => readFileSync(f, 'utf8'));
const sfs = files.map((f,i) => ts.createSourceFile(f, texts[i], ts.ScriptTarget.Latest, false, ts.ScriptKind.TS));
// monkeypatch createSourceFile to return pre-parsed to isolate walk cost
const orig = ts.createSourceFile; let idx = 0;
ts.createSourceFile = () => sfs[idx++];
for (let r=0;r<3;r++){ idx=0; const t = performance.now(); for (let i = 0; i < files.length; i++) extractModel(files[i], texts[i], () => null); console.log('walk only', (performance.now()-t).toFixed(0)); }
