/**
 * Evidence that a test uses the real thing: containers, the real app over HTTP, a real mongod,
 * temporary directories, LocalStack and SMTP catchers.
 */
import { ts } from 'ts-morph';
import type { Chain } from './chain.js';
import type { ExtractionState } from './state.js';

/** Modules whose use means a real boundary is exercised, and what kind of evidence that is. */
const REAL_MODULES: [RegExp, string][] = [
  [/^testcontainers$|^@testcontainers\//, 'testcontainers'],
  [/^supertest$|^supertest-/, 'supertest'],
  [/^light-my-request$/, 'http-inject'],
  [/^mongodb-memory-server(-core)?$|^@shelf\/jest-mongodb$/, 'mongodb-memory-server'],
];

export function realModuleKind(specifier: string): string | null {
  for (const [pattern, kind] of REAL_MODULES) if (pattern.test(specifier)) return kind;
  return null;
}

/** Calls that exercise something real: request(app) from supertest, new PostgreSqlContainer(), mkdtemp. */
export function recogniseRealCall(state: ExtractionState, chain: Chain): void {
  if (!chain.root) return;
  const names = chain.links.map((l) => l.name);
  const origin = state.originOf(chain.root);
  const node = chain.links[chain.links.length - 1]!.node;
  if (origin?.module) {
    const kind = realModuleKind(origin.module);
    if (kind) {
      add(state, kind, `${names.join('.')}() from ${origin.module}`, node);
      return;
    }
    if (/^(node:)?(fs|fs\/promises|os)$|^fs-extra$/.test(origin.module)) {
      const method = origin.name === '*' || origin.name === 'default' ? names[names.length - 1] : origin.name;
      if (method && /^(mkdtemp|mkdtempSync|tmpdir)$/.test(method)) add(state, 'temp-dir', `${method}()`, node);
      return;
    }
    if (/^(tmp|tmp-promise)$/.test(origin.module)) add(state, 'temp-dir', `${origin.module}`, node);
  }
  // Fastify's inject runs a request through the real app without a socket.
  if (names[names.length - 1] === 'inject' && names.length === 2) add(state, 'http-inject', `${names.join('.')}()`, node);
}

export function recogniseRealConstruction(state: ExtractionState, node: ts.NewExpression): void {
  const callee = node.expression;
  if (!ts.isIdentifier(callee)) return;
  const origin = state.originOf(callee.text);
  const kind = origin?.module ? realModuleKind(origin.module) : null;
  if (kind) add(state, kind, `new ${callee.text}() from ${origin!.module}`, node);
}

export function recogniseRealString(state: ExtractionState, node: ts.StringLiteralLike): void {
  const text = node.text;
  if (text.length > 300) return;
  if (/localhost:4566|localstack/i.test(text)) add(state, 'localstack', `'${text}'`, node);
  else if (/mailpit|mailhog|localhost:(1025|8025)\b/i.test(text)) add(state, 'smtp-catcher', `'${text}'`, node);
}

function add(state: ExtractionState, kind: string, detail: string, node: ts.Node): void {
  const owner = state.owner;
  const exists = state.model.realUsages.some((u) => u.kind === kind && JSON.stringify(u.owner) === JSON.stringify(owner));
  if (!exists) state.model.realUsages.push({ kind, detail, owner, ...state.position(node) });
}
