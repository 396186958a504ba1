/**
 * The JSON report: the AuditResult itself, pretty-printed (two spaces), with a trailing newline.
 * Written in chunks, one list element at a time, so a report whose lists are streamed from disk is
 * written without ever being one string; joined, the chunks are byte for byte
 * `JSON.stringify(result, null, 2)`.
 */
import type { ReportSource } from '../engine/report-source.js';
import { sourceOf } from '../engine/report-source.js';
import type { AuditResult } from '../model/finding.js';
import { UNSAFE_BEYOND_C0 } from './text.js';

export function formatJson(result: AuditResult): string {
  let text = '';
  for (const chunk of jsonChunks(sourceOf(result))) text += chunk;
  return text;
}

/** The report in pieces of at most a few list elements. Reading the source's lists once each. */
export function* jsonChunks(source: ReportSource): Generator<string> {
  yield `{\n  "schemaVersion": 1,\n  "tool": ${value(source.tool, 2)},\n  "root": ${value(source.root, 2)},\n  "summary": ${value(source.summary, 2)},\n`;
  yield* list('files', source.files());
  yield ',\n';
  yield* list('findings', source.findings());
  yield ',\n';
  yield* list('tests', source.tests());
  const tail = source.tail();
  yield `,\n  "errors": ${value(tail.errors, 2)},\n  "warnings": ${value(tail.warnings, 2)},\n  "verdict": ${value(tail.verdict, 2)},\n  "rules": ${value(tail.rules, 2)}`;
  if (tail.baseline) yield `,\n  "baseline": ${value(tail.baseline, 2)}`;
  if (tail.changedSince !== undefined) yield `,\n  "changedSince": ${value(tail.changedSince, 2)}`;
  if (tail.shard) yield `,\n  "shard": ${value(tail.shard, 2)}`;
  yield '\n}\n';
}

/** `"key": [ ... ]` at the top level, elements batched into chunks of moderate size. */
function* list<T>(key: string, items: Iterable<T>): Generator<string> {
  let chunk = `  "${key}": [`;
  let first = true;
  for (const item of items) {
    chunk += `${first ? '\n' : ',\n'}    ${value(item, 4)}`;
    first = false;
    if (chunk.length > 64 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  yield first ? `${chunk}]` : `${chunk}\n  ]`;
}

/** A value as JSON.stringify(…, null, 2) prints it `indent` spaces deep. */
function value(item: unknown, indent: number): string {
  // JSON.stringify escapes C0 controls but leaves C1 controls (U+009B is a CSI), separators and
  // bidi marks raw. They can only occur inside strings, so escaping them keeps the same values.
  const text = JSON.stringify(item, null, 2).replace(UNSAFE_BEYOND_C0, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return text.includes('\n') ? text.replaceAll('\n', `\n${' '.repeat(indent)}`) : text;
}
