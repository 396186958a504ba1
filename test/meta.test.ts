/** Every rule is complete: module named after its id, a doc page, fixtures both flagged and clean. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/index.js';
import { repoRoot } from './support/cli.js';
import { scenarios } from './support/fixtures.js';
import { ruleTableMarkdown } from '../src/docs/rule-table.js';

const DOC_SECTIONS = ['## What it flags', '## What slips through', '## Example', '## Options', '## Justifying an exception'];

describe('rule registry', () => {
  it('registers every module in rules/ and nothing else', () => {
    const modules = readdirSync(join(repoRoot, 'rules'))
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => f.slice(0, -3))
      .sort();
    expect(rules.map((r) => r.meta.id).sort()).toEqual(modules);
  });

  for (const rule of rules) {
    describe(rule.meta.id, () => {
      it('has a doc page with every section', () => {
        const doc = join(repoRoot, 'rules', `${rule.meta.id}.md`);
        expect(existsSync(doc)).toBe(true);
        const text = readFileSync(doc, 'utf8');
        expect(text.startsWith(`# ${rule.meta.id}`)).toBe(true);
        for (const section of DOC_SECTIONS) expect(text, section).toContain(section);
      });

      it('has a flagged and a clean fixture', () => {
        const own = scenarios().filter((s) => s.group === rule.meta.id);
        expect(own.some((s) => s.expected.some((e) => e.ruleId === rule.meta.id))).toBe(true);
        expect(own.some((s) => !s.expected.some((e) => e.ruleId === rule.meta.id))).toBe(true);
      });

      it('has a message for every severity variant and a default', () => {
        expect(rule.meta.severity.default).toBeDefined();
        expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
        expect(rule.meta.description.length).toBeLessThan(200);
      });
    });
  }

  it('the README rule table is generated from rule metadata', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const between = /<!-- rules:start -->\n([\s\S]*?)<!-- rules:end -->/.exec(readme);
    expect(between?.[1]).toBe(ruleTableMarkdown(rules));
  });
});
