/**
 * Waits that only let the clock move on: `await sleep(5) // so that updatedAt differs`. Their
 * comment says so; nothing else in the code does. Asked only once a fixed wait is found.
 */
import { ts } from '../typescript.js';
import type { ExtractionState } from './state.js';

const TIME_WORD = String.raw`(time-?stamps?|(updated|created|modified)_?at|last_?modified|mtimes?|date\.now|clock)`;
const CHANGE_WORD = String.raw`(differ(s|ent|ence)?|distinct|unique|newer|later|greater|advanced?|changes?|bump(s|ed)?|increase[sd]?|increment(s|ed)?|move[sd]? on|tick(s|ed)?)`;
/** A time word and a change word within a few words of each other, either way round. */
const SEPARATES = new RegExp(String.raw`\b${TIME_WORD}\b[^.;\n]{0,40}\b${CHANGE_WORD}\b|\b${CHANGE_WORD}\b[^.;\n]{0,40}\b${TIME_WORD}\b`, 'i');
/** `wait for updatedAt to change`, `until the timestamp differs`: waiting on work that sets it, a condition. */
const WAITS_ON = new RegExp(String.raw`\b(for|until|till)\b[^.;\n]{0,20}\b${TIME_WORD}\b`, 'i');

/**
 * True when a comment on the statement holding the wait (above it, or after it on its line) says
 * the wait is there to make timestamps differ.
 */
export function separatesTimestamps(state: ExtractionState, node: ts.Node, ancestors: readonly ts.Node[]): boolean {
  const statement = enclosingStatement(node, ancestors);
  const text = state.sourceFile.text;
  const ranges = [...(ts.getLeadingCommentRanges(text, statement.pos) ?? []), ...(ts.getTrailingCommentRanges(text, statement.end) ?? [])];
  return ranges.some((range) => {
    const comment = text.slice(range.pos, range.end);
    return SEPARATES.test(comment) && !WAITS_ON.test(comment);
  });
}

/** The statement a node sits in: climbed to just below the block (or file, or case) that lists it. */
function enclosingStatement(node: ts.Node, ancestors: readonly ts.Node[]): ts.Node {
  let statement = node;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const above = ancestors[i]!;
    if (LISTS_STATEMENTS.has(above.kind)) break;
    statement = above;
  }
  return statement;
}

const LISTS_STATEMENTS = new Set<ts.SyntaxKind>([ts.SyntaxKind.Block, ts.SyntaxKind.SourceFile, ts.SyntaxKind.ModuleBlock, ts.SyntaxKind.CaseClause, ts.SyntaxKind.DefaultClause]);
