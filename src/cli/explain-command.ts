/** `test-audit explain <rule-id>`: a rule's documentation page, printed for the terminal. */
import { readFile } from 'node:fs/promises';
import { rules } from '../../rules/index.js';
import { formatExplain } from '../report/explain.js';
import { EXIT_CLEAN, EXIT_USAGE } from './terminal.js';

export async function explainRule(id: string, color: boolean): Promise<number> {
  const rule = rules.find((r) => r.meta.id === id);
  if (!rule) {
    process.stderr.write(`test-audit: unknown rule '${id}'. Rules: ${rules.map((r) => r.meta.id).join(', ')}\n`);
    return EXIT_USAGE;
  }
  const markdown = await readFile(new URL(`../../../rules/${id}.md`, import.meta.url), 'utf8');
  process.stdout.write(formatExplain(markdown, { color }));
  return EXIT_CLEAN;
}
