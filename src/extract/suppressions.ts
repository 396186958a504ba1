/**
 * Inline suppression comments: `// test-audit-ignore-next-line <rule-id> -- <reason>` and
 * `/* test-audit-ignore-file <rule-id> -- <reason> *\/`. A cheap scan over the already parsed file:
 * a text search for the marker, then a check that each hit sits in a comment (not in a string or a
 * template) by descending the tree to the hit and scanning only the gap between child nodes there.
 */
import { ts } from '../typescript.js';
import type { SuppressionComment } from '../model/test-model.js';

const MARKER = /test-audit-ignore-(?:next-line|file)(?=[\s,]|\*\/|$)/g;
const DIRECTIVE = /^test-audit-ignore-(next-line|file)(?:\s+([\s\S]*))?$/;

interface CommentRange {
  pos: number;
  end: number;
  kind: ts.CommentKind;
}

export function extractSuppressions(sourceFile: ts.SourceFile): SuppressionComment[] {
  const text = sourceFile.text;
  if (!text.includes('test-audit-ignore-')) return [];
  const out: SuppressionComment[] = [];
  const seen = new Set<number>();
  for (const match of text.matchAll(MARKER)) {
    const comment = commentContaining(sourceFile, match.index);
    if (!comment || seen.has(comment.pos)) continue;
    seen.add(comment.pos);
    out.push(...parseComment(sourceFile, comment));
  }
  return out;
}

/** The entries a comment declares, or none when the directive does not open the comment. */
function parseComment(sourceFile: ts.SourceFile, comment: CommentRange): SuppressionComment[] {
  const raw = sourceFile.text.slice(comment.pos + 2, comment.kind === ts.SyntaxKind.MultiLineCommentTrivia ? comment.end - 2 : comment.end);
  // Block comments may continue lines with ' * '; a JSDoc-style opening '*' is not part of the text.
  const body = raw.replace(/^\*+/, '').replace(/\n\s*\*(?!\/)/g, '\n').trim();
  const directive = DIRECTIVE.exec(body);
  if (!directive) return [];
  const scope = directive[1] === 'file' ? 'file' : 'next-line';
  const rest = directive[2] ?? '';
  const separator = rest.indexOf('--');
  const reasonText = separator >= 0 ? rest.slice(separator + 2).replace(/\s+/g, ' ').trim() : '';
  const reason = reasonText === '' ? null : reasonText;
  // Without '--' the words after the first are prose, not rule ids: the first is the rule.
  const ruleText = separator >= 0 ? rest.slice(0, separator) : (rest.trim().split(/\s+/)[0] ?? '');
  const ruleIds = [...new Set(ruleText.split(/[\s,]+/).filter(Boolean))];
  const start = sourceFile.getLineAndCharacterOfPosition(comment.pos);
  const endLine = sourceFile.getLineAndCharacterOfPosition(comment.end).line + 1;
  const base = { scope, reason, targetLine: scope === 'next-line' ? endLine + 1 : null, line: start.line + 1, column: start.character + 1 } as const;
  return (ruleIds.length ? ruleIds : ['']).map((ruleId) => ({ ...base, ruleId }));
}

const LEAF_TEXT_KINDS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.RegularExpressionLiteral,
  ts.SyntaxKind.JsxText,
]);

/** The comment that contains a position, or null when the position is code, a string or a template. */
export function commentContaining(sourceFile: ts.SourceFile, position: number): CommentRange | null {
  // Deepest node whose full range (leading trivia included) contains the position.
  let node: ts.Node = sourceFile;
  for (;;) {
    let next: ts.Node | undefined;
    ts.forEachChild(node, (child) => {
      if (child.pos <= position && position < child.end) {
        next = child;
        return true;
      }
      return undefined;
    });
    if (!next) break;
    node = next;
  }
  if (LEAF_TEXT_KINDS.has(node.kind) && position >= node.getStart(sourceFile)) return null;
  // The position lies between this node's children, where only trivia, keywords and punctuation
  // occur: the scanner reads that gap unambiguously (no strings, templates or regexes in it).
  let gapStart = node === sourceFile ? 0 : node.pos;
  ts.forEachChild(node, (child) => {
    if (child.end <= position) gapStart = Math.max(gapStart, child.end);
    return undefined;
  });
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, sourceFile.languageVariant, sourceFile.text, undefined, gapStart);
  for (;;) {
    const kind = scanner.scan();
    if (kind === ts.SyntaxKind.EndOfFileToken) return null;
    const start = scanner.getTokenStart();
    const end = scanner.getTokenEnd();
    if (start > position) return null;
    if (position < end) {
      if (kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia) return { pos: start, end, kind };
      return null;
    }
  }
}
