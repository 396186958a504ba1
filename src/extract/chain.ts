/**
 * Call-chain parsing: turns any spelling of a chained call (`jest.spyOn(a, 'b').mockResolvedValue(x)`,
 * `expect(x).not.toHaveBeenCalled()`, `it.each(table)('t', fn)`) into a flat list of links, so
 * recognisers match on names instead of AST shapes.
 */
import { ts } from '../typescript.js';

export interface ChainLink {
  /** Property or identifier name; '' for a call of a call (`it.each(t)(...)`), '[]' for computed. */
  name: string;
  /** The call made at this link, if any. */
  call: ts.CallExpression | null;
  /** Tagged template applied at this link (`it.each\`...\``). */
  tagged: ts.TaggedTemplateExpression | null;
  node: ts.Node;
}

export interface Chain {
  /** Root: identifier name, 'this', or null when the chain starts with something else. */
  root: string | null;
  rootNode: ts.Expression;
  links: ChainLink[];
  /** The links' names, root first (computed once: every recogniser matches on them). */
  names: string[];
  /** headPath's answer, once asked (undefined until then). */
  head: ChainHead | null | undefined;
}

/** The names of a chain's first links up to and including the first call, and that call's index. */
export interface ChainHead {
  readonly path: string;
  readonly index: number;
}

function makeChain(root: string | null, rootNode: ts.Expression, links: ChainLink[]): Chain {
  return { root, rootNode, links, names: links.map((l) => l.name), head: undefined };
}

/** Strips wrappers that do not change what an expression refers to: parentheses, `!`, `as`, `satisfies`. */
export function unwrap(expr: ts.Expression): ts.Expression {
  let current = expr;
  for (;;) {
    if (ts.isParenthesizedExpression(current) || ts.isNonNullExpression(current)) current = current.expression;
    else if (ts.isAsExpression(current) || ts.isSatisfiesExpression(current) || ts.isTypeAssertionExpression(current)) {
      current = current.expression;
    } else if (ts.isAwaitExpression(current)) current = current.expression;
    else return current;
  }
}

/** Parentheses and type assertions: they wrap a value without changing it (unlike `await`, which `unwrap` also strips). */
function isValueWrapper(node: ts.Node): boolean {
  return ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node) || ts.isSatisfiesExpression(node) || ts.isTypeAssertionExpression(node);
}

/**
 * Climbs from `node`, whose parent is `parents[index]`, past the wrappers above it: the outermost
 * wrapper (or the node) and the index of what holds it (-1 when nothing does).
 */
export function climbWrappers(node: ts.Node, parents: readonly ts.Node[], index: number): [ts.Node, number] {
  let value = node;
  let i = index;
  while (i >= 0 && isValueWrapper(parents[i]!)) value = parents[i--]!;
  return [value, i];
}

function propertyName(node: ts.PropertyAccessExpression | ts.ElementAccessExpression): string {
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  const arg = node.argumentExpression;
  if (ts.isStringLiteralLike(arg) || ts.isNumericLiteral(arg)) return arg.text;
  return '[]';
}

/**
 * Flattens an expression into its chain, root first. `a.b(c).d` → root a, links [b(call), d].
 * Returns null for expressions that are not chains (literals, arrow functions, ...).
 */
export function flattenChain(expr: ts.Expression): Chain | null {
  const reversed: ChainLink[] = [];
  let current: ts.Expression = expr;
  let pendingCall: ts.CallExpression | null = null;
  let pendingTagged: ts.TaggedTemplateExpression | null = null;
  for (let guard = 0; guard < 200; guard++) {
    if (ts.isCallExpression(current)) {
      if (pendingCall || pendingTagged) {
        reversed.push({ name: '', call: pendingCall, tagged: pendingTagged, node: pendingCall ?? pendingTagged! });
      }
      pendingCall = current;
      pendingTagged = null;
      current = current.expression;
      continue;
    }
    if (ts.isTaggedTemplateExpression(current)) {
      if (pendingCall || pendingTagged) {
        reversed.push({ name: '', call: pendingCall, tagged: pendingTagged, node: pendingCall ?? pendingTagged! });
      }
      pendingTagged = current;
      pendingCall = null;
      current = current.tag;
      continue;
    }
    if (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) {
      reversed.push({ name: propertyName(current), call: pendingCall, tagged: pendingTagged, node: current });
      pendingCall = null;
      pendingTagged = null;
      current = current.expression;
      continue;
    }
    if (
      ts.isParenthesizedExpression(current) ||
      ts.isNonNullExpression(current) ||
      ts.isAsExpression(current) ||
      ts.isSatisfiesExpression(current) ||
      ts.isTypeAssertionExpression(current)
    ) {
      current = current.expression;
      continue;
    }
    break;
  }
  let root: string | null = null;
  if (ts.isIdentifier(current)) root = current.text;
  else if (current.kind === ts.SyntaxKind.ThisKeyword) root = 'this';
  if (root === null) {
    if (pendingCall || pendingTagged) {
      reversed.push({ name: '', call: pendingCall, tagged: pendingTagged, node: pendingCall ?? pendingTagged! });
    }
    if (reversed.length === 0) return null;
    return makeChain(null, current, reversed.reverse());
  }
  reversed.push({ name: root, call: pendingCall, tagged: pendingTagged, node: current });
  return makeChain(root, current, reversed.reverse());
}

/** The names of a chain's links joined by dots, e.g. 'jest.spyOn.mockResolvedValue'. */
export function chainPath(chain: Chain): string {
  return chain.names.join('.');
}

/** A chain read from a later link on, or with its root renamed (aliases, `this.sandbox`). */
export function rechain(chain: Chain, root: string, links: ChainLink[]): Chain {
  return makeChain(root, chain.rootNode, links);
}

/** True when `node` is an inner part of a longer chain (its parent continues the chain). */
export function isInnerChainPart(node: ts.Node, parent: ts.Node | undefined): boolean {
  if (!parent) return false;
  if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === node) {
    return true;
  }
  if (ts.isCallExpression(parent) && parent.expression === node) return true;
  if (ts.isTaggedTemplateExpression(parent) && parent.tag === node) return true;
  if (ts.isNonNullExpression(parent)) return true;
  return false;
}

/** Text of a string-ish literal (string, no-substitution template), else null. */
export function literalText(expr: ts.Expression | undefined): string | null {
  if (!expr) return null;
  const inner = unwrap(expr);
  if (ts.isStringLiteralLike(inner)) return inner.text;
  return null;
}

/** The text of a property's name: `a`, `'a'`, `1`, `#a`, `['a']`; null when it is computed from a non-literal. */
export function propertyKey(name: ts.PropertyName | ts.Node): string | null {
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isComputedPropertyName(name)) return literalText(name.expression);
  return null;
}

/** A dotted name for simple member expressions: `a.b.c` → 'a.b.c'; null for anything else. */
export function dottedName(expr: ts.Expression): string | null {
  const parts: string[] = [];
  let current = unwrap(expr);
  for (let guard = 0; guard < 64; guard++) {
    if (ts.isIdentifier(current)) {
      parts.push(current.text);
      return parts.reverse().join('.');
    }
    if (current.kind === ts.SyntaxKind.ThisKeyword) {
      parts.push('this');
      return parts.reverse().join('.');
    }
    if (ts.isPropertyAccessExpression(current)) {
      parts.push(current.name.text);
      current = unwrap(current.expression);
    } else if (ts.isElementAccessExpression(current)) {
      const key = literalText(current.argumentExpression);
      if (key === null) return null;
      parts.push(key);
      current = unwrap(current.expression);
    } else return null;
  }
  return null;
}

type VisitResult = 'skip' | 'stop' | void;

/**
 * Visits the descendants of a node depth first, without recursion (minified or generated code can
 * nest deeper than the call stack). Return 'skip' to leave a node's children out, 'stop' to end.
 */
function forEachDescendant(root: ts.Node, visit: (node: ts.Node) => VisitResult): void {
  const stack: ts.Node[] = [];
  const push = (child: ts.Node): undefined => {
    stack.push(child);
    return undefined;
  };
  // forEachChild yields children in source order; reversing them in place makes the first pop first.
  const pushChildren = (node: ts.Node): void => {
    const start = stack.length;
    ts.forEachChild(node, push);
    for (let i = start, j = stack.length - 1; i < j; i++, j--) {
      const swap = stack[i]!;
      stack[i] = stack[j]!;
      stack[j] = swap;
    }
  };
  pushChildren(root);
  while (stack.length) {
    const node = stack.pop()!;
    const result = visit(node);
    if (result === 'stop') return;
    if (result !== 'skip') pushChildren(node);
  }
}

/** How deep anyNode recurses before it goes on with an explicit stack. */
const ANY_NODE_RECURSION_LIMIT = 256;

/**
 * True when the node or one of its descendants satisfies the predicate, tried depth first in
 * source order; return 'skip' from the predicate to leave a node's subtree out. Recursion through
 * forEachChild, which stops at the first hit, is the cheap way; below a depth limit the search goes
 * on without recursion (minified or generated code can nest deeper than the call stack).
 */
export function anyNode(root: ts.Node, predicate: (node: ts.Node) => boolean | 'skip'): boolean {
  let depth = 0;
  const search = (node: ts.Node): true | undefined => {
    const result = predicate(node);
    if (result === 'skip') return undefined;
    if (result) return true;
    if (depth >= ANY_NODE_RECURSION_LIMIT) return anyDescendant(node, predicate) || undefined;
    depth++;
    const found = ts.forEachChild(node, search);
    depth--;
    return found;
  };
  return search(root) === true;
}

function anyDescendant(root: ts.Node, predicate: (node: ts.Node) => boolean | 'skip'): boolean {
  let found = false;
  forEachDescendant(root, (node) => {
    const result = predicate(node);
    if (result === 'skip') return 'skip';
    if (result) {
      found = true;
      return 'stop';
    }
    return undefined;
  });
  return found;
}

/** Root identifier of a member expression or call chain: `repo.find.mock.calls` → 'repo'. */
export function rootIdentifier(expr: ts.Expression): string | null {
  let current = unwrap(expr);
  for (let guard = 0; guard < 200; guard++) {
    if (ts.isIdentifier(current)) return current.text;
    if (current.kind === ts.SyntaxKind.ThisKeyword) return 'this';
    if (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) current = unwrap(current.expression);
    else if (ts.isCallExpression(current)) current = unwrap(current.expression);
    else return null;
  }
  return null;
}

export function isFunctionLike(node: ts.Node | undefined): node is ts.ArrowFunction | ts.FunctionExpression {
  return !!node && (ts.isArrowFunction(node) || ts.isFunctionExpression(node));
}
