/** `npm run docs:rules`: regenerates the README's rule table from rule metadata. */
import { readFileSync, writeFileSync } from 'node:fs';
import { rules } from '../../rules/index.js';
import { ruleTableMarkdown } from './rule-table.js';

const url = new URL('../../../README.md', import.meta.url);
const readme = readFileSync(url, 'utf8');
const updated = readme.replace(/<!-- rules:start -->\n[\s\S]*?<!-- rules:end -->/, `<!-- rules:start -->\n${ruleTableMarkdown(rules)}<!-- rules:end -->`);
if (updated !== readme) writeFileSync(url, updated);
