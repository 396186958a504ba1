/** Text hygiene for terminal output: audited files never get to inject control characters. */

/**
 * Characters a terminal acts on rather than shows: C0 and C1 controls (ANSI escapes, carriage
 * returns, NULs, newlines), line and paragraph separators, and the invisible bidirectional and
 * zero-width marks that can make text read differently from what it is ("Trojan Source").
 */
const BEYOND_C0 = '\\u007f-\\u009f\\u061c\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2069\\ufeff';
export const UNSAFE_TEXT = new RegExp(`[\\u0000-\\u001f${BEYOND_C0}]`, 'g');
/** The same without C0 controls, which JSON.stringify already escapes (and JSON's own layout uses). */
export const UNSAFE_BEYOND_C0 = new RegExp(`[${BEYOND_C0}]`, 'g');

/** Escapes control characters (ANSI escapes, carriage returns, NULs, newlines) as visible text. */
export function sanitize(value: string): string {
  return value.replace(UNSAFE_TEXT, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\t') return ' ';
    if (c === '\r') return '\\r';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** JSON text with the characters beyond C0 that JSON.stringify leaves raw written as \u escapes (same value). */
export function escapeJsonText(json: string): string {
  return json.replace(UNSAFE_BEYOND_C0, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
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
