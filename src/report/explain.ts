/** `test-audit explain <rule>`: a rule's doc page, readable in a terminal. */
import { Chalk } from 'chalk';

export function formatExplain(markdown: string, options: { color: boolean }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  let inCode = false;
  const lines: string[] = [];
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) {
      inCode = !inCode;
      continue;
    }
    if (inCode) lines.push(c.cyan(`    ${line}`));
    else if (line.startsWith('# ')) lines.push(c.bold(line.slice(2)));
    else if (line.startsWith('## ')) lines.push(c.bold.underline(line.slice(3)));
    else lines.push(line);
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
