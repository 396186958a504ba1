/**
 * Evidence that a test uses the real thing: containers, the real app over HTTP, a real mongod,
 * temporary directories, LocalStack and SMTP catchers.
 */
import { ts } from '../typescript.js';
import { literalText, rootIdentifier, type Chain } from './chain.js';
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

/** Calls that open a client to a real system: `mongoose.connect(url)`, `createClient()`, `knex(config)`. */
const CLIENT_FACTORIES = /^(connect|createClient|createPool|createConnection|createTransport|createCluster|getConnection|initialize|default)$/;

/** Calls that exercise something real: request(app) from supertest, new PostgreSqlContainer(), mkdtemp. */
export function recogniseRealCall(state: ExtractionState, chain: Chain): void {
  if (!chain.root) return;
  const names = chain.names;
  const origin = state.originOf(chain.root);
  const node = chain.links[chain.links.length - 1]!.node;
  if (origin?.module) {
    const kind = realModuleKind(origin.module);
    if (kind) {
      add(state, kind, `${names.join('.')}() from ${origin.module}`, node);
      return;
    }
    if (isBare(origin.module) && !origin.instance) {
      const calledDirectly = chain.links[0]!.call && (origin.name === 'default' || origin.name === '*' || CLIENT_FACTORIES.test(origin.name));
      const factory = names.slice(1).find((n, i) => chain.links[i + 1]!.call && CLIENT_FACTORIES.test(n));
      if (calledDirectly || factory) add(state, 'client', origin.module, node);
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
  const root = rootIdentifier(node.expression);
  if (!root) return;
  const origin = state.originOf(root);
  if (!origin?.module || origin.instance) return;
  const kind = realModuleKind(origin.module);
  const image = literalText(node.arguments?.[0]);
  if (kind) add(state, kind, `${origin.module}${image ? ` image ${image}` : ''}`, node, true);
  // A client constructed in the test (`new Pool(...)`, `new PrismaClient()`): real unless the module is faked.
  else if (isBare(origin.module)) add(state, 'client', origin.module, node);
}

function isBare(specifier: string): boolean {
  return !specifier.startsWith('.') && !specifier.startsWith('/') && !specifier.startsWith('@/') && !specifier.startsWith('~');
}

export function recogniseRealString(state: ExtractionState, node: ts.StringLiteralLike): void {
  const text = node.text;
  if (text.length > 300 || text.length < 7) return;
  if (/localhost:4566|localstack/i.test(text)) add(state, 'localstack', `'${text}'`, node);
  else if (/mailpit|mailhog|localhost:(1025|8025)\b/i.test(text)) add(state, 'smtp-catcher', `'${text}'`, node);
}

function add(state: ExtractionState, kind: string, detail: string, node: ts.Node, distinctDetail = kind === 'client'): void {
  const owner = state.owner;
  const exists = state.model.realUsages.some(
    (u) => u.kind === kind && (!distinctDetail || u.detail === detail) && JSON.stringify(u.owner) === JSON.stringify(owner),
  );
  if (!exists) state.model.realUsages.push({ kind, detail, owner, ...state.position(node) });
}
