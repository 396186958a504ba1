/** Text hygiene for terminal output: audited files never get to inject control characters. */

/** Escapes control characters (ANSI escapes, carriage returns, NULs, newlines) as visible text. */
export function sanitize(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\t') return ' ';
    if (c === '\r') return '\\r';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** Word-wraps a paragraph so that every line, indent included, fits the width; all lines indented. */
export function block(text: string, width: number, indent: string): string {
  return indent + wrap(text, width, indent);
}

/** Word-wraps a paragraph to a width, indenting continuation lines (the first line is the caller's). */
export function wrap(text: string, width: number, indent = ''): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  const max = Math.max(20, width - indent.length);
  for (const word of words) {
    if (line.length === 0) line = word;
    else if (line.length + 1 + word.length <= max) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : indent + l)).join('\n');
}

export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count === 1 ? word : pluralWord}`;
}
