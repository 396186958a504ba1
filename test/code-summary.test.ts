import { describe, expect, it } from 'vitest';
import { summarize } from '../src/resolve/module-summary.js';

/** Through the module summary, which parses as an audit does (no parent links). */
function summary(text: string) {
  return summarize('x.ts', text).code!;
}

function methodVerdict(body: string) {
  const code = summary(`import { repo } from './repo';\nexport class S {\n  constructor(private readonly users: any) {}\n${body}\n}`);
  return code.classes.get('S')!.methods.get('m')!;
}

describe('what code under test returns', () => {
  it.each([
    ['m() { return this.users.find(); }', ['find']],
    ['async m() { return await this.users.find({ id: 1 }); }', ['find']],
    ['async m() { const x = await this.users.find(); return x; }', ['find']],
    ['async m(id: number) { const x = await this.users.findOneBy({ id }); if (!x) throw new Error(); return x; }', ['findOneBy']],
    ['m = () => this.users.find();', ['find']],
    ['m() { return repo.load(); }', ['load']],
    ['m() { return this.n(); }\n  n() { return this.users.find(); }', ['find']],
  ])('passes through: %s', (body, calls) => {
    expect(methodVerdict(body)).toMatchObject({ kind: 'pass-through', calls });
  });

  it.each([
    'async m() { const x = await this.users.find(); return x.filter((u) => u.active); }',
    'async m() { const x = await this.users.find(); x.sort(); return x; }',
    'async m() { return [...(await this.users.find())]; }',
    'm() { return this.users.find().then((x) => x); }',
    'async m() { const x = await this.users.find(); if (!x) return null; return x; }',
    'async m() { const x = await this.users.find(); return new Wrapper(x); }',
    'm() { return this.n(); }\n  n() { return []; }',
    'm() { this.users.find(); }',
    'm() { return Promise.resolve(this.users.find()); }',
    'm() { return repo.all().map((r) => r); }',
  ])('transforms: %s', (body) => {
    expect(methodVerdict(body).kind).toBe('transforms');
  });

  it('reads functions, exports and re-exports, ES modules and CommonJS', () => {
    const esm = summary(`import { db } from './db';\nexport const get = (id) => db.one(id);\nexport default function list() { return db.all().map((r) => r); }\nexport * from './more';\nexport { a as b } from './a';`);
    expect(esm.functions.get('get')).toMatchObject({ kind: 'pass-through', calls: ['one'] });
    expect(esm.exports.get('default')).toBe('list');
    expect(esm.functions.get('list')?.kind).toBe('transforms');
    expect(esm.reexports.map((r) => [r.specifier, r.names && [...r.names]])).toEqual([['./more', null], ['./a', [['b', 'a']]]]);
    const cjs = summary(`const repo = require('./repo');\nasync function getUser(id) { return repo.findById(id); }\nmodule.exports = { getUser };\nexports.other = async () => 1;`);
    expect(cjs.exports.get('getUser')).toBe('getUser');
    expect(cjs.functions.get('getUser')).toMatchObject({ kind: 'pass-through', calls: ['findById'] });
    expect(cjs.functions.get(cjs.exports.get('other')!)?.kind).toBe('transforms');
  });
});
