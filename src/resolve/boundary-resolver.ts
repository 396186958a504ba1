/**
 * Resolves a mock site's target to the boundary it fakes: a catalog entry for packages, hosts and
 * globals; for your own modules, whatever their imports reach (mocking `../db` that imports `pg`
 * hides PostgreSQL), following imports a few levels deep.
 */
import { Catalog, isBareSpecifier, kindIsExternal, packageName, systemFamily, type CatalogEntry } from '../catalog/index.js';
import { ANGULAR_TESTING_BACKEND } from '../catalog/data/http.js';
import type { BoundaryKind, ResolvedBoundary } from '../model/boundary.js';
import type { MockSite, Origin } from '../model/test-model.js';
import { isRelative, type Alias, type ModuleResolver } from './module-resolver.js';
import type { ModuleSummaries } from './module-summary.js';
import { lookupTable } from '../lookup-table.js';
import { isBuiltin } from 'node:module';

const MAX_DEPTH = 4;
const MAX_MODULES = 150;

/** Which boundary to name first when a module reaches several. */
const PRIORITY: BoundaryKind[] = ['database', 'queue', 'cache', 'cloud', 'http', 'email', 'auth', 'filesystem', 'process', 'clock'];

const INTERNAL_HIDES = [
  'contract drift between this caller and the real module: arguments, return shapes, thrown errors',
  'behaviour of the real module the double leaves out: validation, defaults, side effects',
];
const INTERNAL_ALTERNATIVE =
  'run your own module for real; if it reaches an external system, give it a real instance of that system (container, temp dir) instead';
const LIBRARY_HIDES = [
  "the library's real behaviour for the inputs your code gives it",
  'breaking changes when the library is upgraded',
];
/**
 * Packages that only make identifiers. Replacing one for predictable ids in a test hides little:
 * the real ids' format, no boundary. Low stakes in every tier.
 */
const ID_GENERATORS = new Set(['uuid', 'nanoid', 'cuid', '@paralleldrive/cuid2', 'ulid', 'short-uuid']);
/** Packages that only throw when imported in the wrong environment; tests must replace them. */
const RUNTIME_GUARDS = new Set(['server-only', 'client-only']);
/** crypto's random sources, replaced for the same reason: predictable ids and tokens. */
const RANDOM_SOURCES = new Set(['randomUUID', 'randomBytes', 'randomInt', 'getRandomValues', 'randomFill', 'randomFillSync']);
/** How code reaches the Web Crypto global without importing it. */
const CRYPTO_GLOBALS = new Set(['crypto', 'global.crypto', 'globalThis.crypto', 'window.crypto', 'self.crypto']);
const UNKNOWN_HIDES = ['whatever the real object does that the double leaves out', 'drift between the double and the real API'];

/**
 * The runtime and the browser environment a test runs in (jsdom lacks much of it: canvas, clipboard,
 * scrolling, object URLs). Replacing them stands in for the environment, not for a dependency.
 */
const RUNTIME_OBJECTS = new Set([
  'console',
  'Math',
  'process',
  'window',
  'global',
  'globalThis',
  'document',
  'navigator',
  'location',
  'history',
  'screen',
  'localStorage',
  'sessionStorage',
  'URL',
  'CSS',
]);
/** Browser classes whose prototypes tests patch: `HTMLCanvasElement.prototype.getContext`, `Storage.prototype.getItem`. */
const BROWSER_CLASS = /^(HTML\w*Element|SVG\w*Element|Element|Node|Document|Window|Storage|Navigator|EventTarget|DOMRect|Range|Selection)$/;

/** Types and tokens that name a boundary by convention, when their origin is not visible. */
const WELL_KNOWN_NAMES: Record<string, string> = lookupTable({
  PrismaClient: '@prisma/client',
  CACHE_MANAGER: 'cache-manager',
  HttpService: '@nestjs/axios',
  JwtService: '@nestjs/jwt',
});
/** NestJS integration packages and the library behind each. */
const NEST_INTEGRATIONS: Record<string, string> = lookupTable({
  '@nestjs/typeorm': 'typeorm',
  '@nestjs/mongoose': 'mongoose',
  '@nestjs/sequelize': 'sequelize',
  '@nestjs/bull': 'bull',
  '@nestjs/bullmq': 'bullmq',
});
const TOKEN_HELPERS: Record<string, string> = lookupTable({
  getRepositoryToken: 'typeorm',
  getDataSourceToken: 'typeorm',
  getEntityManagerToken: 'typeorm',
  getModelToken: 'mongoose',
  getConnectionToken: 'mongoose',
  getQueueToken: 'bull',
  getFlowProducerToken: 'bullmq',
});

interface Reach {
  entry: CatalogEntry;
  path: string[];
}

export class BoundaryResolver {
  private readonly reachCache = new Map<string, Reach[]>();
  private readonly boundTokens = new Map<string, { implementation: string; specifier: string; file: string } | null>();

  constructor(
    private readonly catalog: Catalog,
    private readonly modules: ModuleResolver,
    private readonly summaries: ModuleSummaries,
    /** The repository's own source files (not tests) of the package a file belongs to. */
    private readonly packageSources: (path: string) => readonly string[] = () => [],
  ) {}

  resolveSite(site: MockSite, fromFile: string, aliases: readonly Alias[]): ResolvedBoundary {
    const resolved = this.resolveTarget(site, fromFile, aliases);
    // The testing backend keeps interceptors and HttpClient itself: only the server is replaced.
    if (site.mechanism === 'angular HttpClientTesting' && resolved.kind === 'http') return { ...resolved, ...ANGULAR_TESTING_BACKEND };
    return resolved;
  }

  private resolveTarget(site: MockSite, fromFile: string, aliases: readonly Alias[]): ResolvedBoundary {
    const target = site.target;
    if (site.fakeLibrary && target.kind === 'module' && !isRelative(target.specifier)) {
      return this.fromModule(target.specifier, fromFile, aliases);
    }
    switch (target.kind) {
      case 'module':
        return this.fromModule(target.specifier, fromFile, aliases);
      case 'member':
        if (RANDOM_SOURCES.has(target.member) && isCrypto(target.object, target.origin)) {
          return idSource(`crypto.${target.member}`, [`${target.object}.${target.member}`]);
        }
        return this.fromOrigin(target.origin, `${target.object}.${target.member}`, fromFile, aliases, target.object);
      case 'type':
        if (HTTP_MESSAGE_TYPE.test(target.name.slice(target.name.lastIndexOf('.') + 1))) return httpMessage(target.name);
        if (LOGGER_TYPE.test(target.name.slice(target.name.lastIndexOf('.') + 1))) return loggerDouble(target.name);
        return this.fromOrigin(target.origin ?? wellKnown(target.name), target.name, fromFile, aliases, target.name);
      case 'token': {
        const helper = /^(\w+)\(/.exec(target.name)?.[1];
        if (helper && TOKEN_HELPERS[helper]) {
          // getModelToken means Mongoose from @nestjs/mongoose, Sequelize from @nestjs/sequelize.
          const byModule = target.origin?.module ? NEST_INTEGRATIONS[target.origin.module] : undefined;
          return this.fromPackage(byModule ?? TOKEN_HELPERS[helper]!, [target.name]);
        }
        // inversify: the token stands for what the container configuration binds it to.
        if (site.mechanism === 'inversify.rebind' && target.origin?.module) {
          const bound = this.fromContainerBinding(target.origin, target.name, fromFile, aliases);
          if (bound) return bound;
        }
        const resolved = this.fromOrigin(target.origin ?? wellKnown(target.name), target.name, fromFile, aliases, target.name);
        // Whatever a guard is built from, overriding it is an auth double.
        if (site.mechanism === 'nestjs.overrideGuard' && resolved.kind !== 'auth') return this.guardBoundary(target.name, resolved);
        return resolved;
      }
      case 'host':
        return this.fromHost(target.host);
      case 'global':
        return this.fromGlobal(target.name);
      case 'private':
        return this.fromPrivate(target.module, target.name, fromFile, aliases);
    }
  }

  /**
   * An inversify token (`TYPES.OrderRepository`) replaced in a test: the boundary of the class the
   * repository's own container configuration binds it to (`bind(TYPES.OrderRepository).to(PgOrderRepository)`).
   * Null when no binding, or more than one implementation, is found: the token is then resolved as before.
   */
  private fromContainerBinding(origin: Origin, name: string, fromFile: string, aliases: readonly Alias[]): ResolvedBoundary | null {
    const tokenFile = this.ownPath(origin.module!, fromFile, aliases);
    if (!tokenFile) return null;
    const members = name.split('.').slice(1);
    let exported: string;
    if (origin.name === '*') {
      if (members.length === 0) return null;
      exported = members.join('.');
    } else exported = [origin.name, ...members].join('.');
    const key = `${tokenFile}\0${exported}`;
    let found = this.boundTokens.get(key);
    if (found === undefined) {
      found = this.findBinding(tokenFile, exported, aliases);
      this.boundTokens.set(key, found);
    }
    if (!found) return null;
    const resolved = this.fromModule(found.specifier, found.file, aliases);
    return { ...resolved, via: [`${name} bound to ${found.implementation} in ${found.file}`, ...resolved.via] };
  }

  private findBinding(tokenFile: string, exported: string, aliases: readonly Alias[]): { implementation: string; specifier: string; file: string } | null {
    const needle = exported.slice(exported.lastIndexOf('.') + 1);
    let found: { implementation: string; specifier: string; file: string; target: string } | null = null;
    for (const file of this.packageSources(tokenFile)) {
      if (isTestLike(file)) continue;
      for (const binding of this.summaries.containerBindings(file, needle)) {
        if (binding.tokenPath !== exported) continue;
        const from = binding.tokenSpecifier === null ? file : this.ownPath(binding.tokenSpecifier, file, aliases);
        if (from !== tokenFile) continue;
        const target = this.ownPath(binding.implementationSpecifier, file, aliases) ?? binding.implementationSpecifier;
        // Two configurations binding the token to different classes: which one the test replaces is unknown.
        if (found && found.target !== target) return null;
        found ??= { implementation: binding.implementation, specifier: binding.implementationSpecifier, file, target };
      }
    }
    return found && { implementation: found.implementation, specifier: found.specifier, file: found.file };
  }

  /** The repository file a specifier names from a file, or null (a package, or not found). */
  private ownPath(specifier: string, fromFile: string, aliases: readonly Alias[]): string | null {
    return isBareSpecifier(specifier)
      ? ((aliases.length ? this.modules.resolve(fromFile, specifier, aliases) : null) ?? this.modules.resolveWorkspace(specifier))
      : this.modules.resolve(fromFile, specifier, aliases);
  }

  /**
   * A module's private variable replaced (rewire): the boundary of what the variable is bound to in
   * that module (`const db = require('../db')`, `const pool = new Pool()`); anything else, a
   * function or value of the module's own, hides no boundary and is low stakes.
   */
  private fromPrivate(specifier: string, name: string, fromFile: string, aliases: readonly Alias[]): ResolvedBoundary {
    const path = isBareSpecifier(specifier)
      ? ((aliases.length ? this.modules.resolve(fromFile, specifier, aliases) : null) ?? this.modules.resolveWorkspace(specifier))
      : this.modules.resolve(fromFile, specifier, aliases);
    const bound = path ? this.summaries.get(path).bindings.get(name) : undefined;
    if (path && bound !== undefined) {
      const resolved = this.fromModule(bound, path, aliases);
      return { ...resolved, via: [`${name} in ${path}`, ...resolved.via] };
    }
    // A global the module uses, replaced for it alone: `__set__('fetch', fake)`, `__set__('console', quiet)`.
    if (name === 'fetch' || name === 'XMLHttpRequest') return this.fromGlobal('fetch');
    if (name === 'Date') return this.fromGlobal('Date');
    if (name === 'console' || name === 'process' || name === 'Math') return this.fromOrigin(null, name, fromFile, aliases, name);
    return {
      kind: 'internal',
      system: `${name}, private to your module ${path ?? specifier}`,
      hides: ['the real behaviour of the replaced function or value inside the module under test'],
      alternative: 'test through the module’s exports and let it use its own code; replace only what it reaches outside the process',
      external: false,
      via: [`${name} in ${path ?? specifier}`],
      catalogMatch: null,
      lowStakes: true,
    };
  }

  private fromOrigin(origin: Origin | null, label: string, fromFile: string, aliases: readonly Alias[], object: string): ResolvedBoundary {
    if (origin?.module) return this.fromModule(origin.module, fromFile, aliases, label);
    const root = object.split('.')[0]!;
    if ((root === 'global' || root === 'globalThis' || root === 'window' || root === 'self') && /\.(fetch|XMLHttpRequest)$/.test(label)) {
      return this.fromGlobal('fetch');
    }
    if (root === 'Date') return this.fromGlobal('Date');
    if (RUNTIME_OBJECTS.has(root) || BROWSER_CLASS.test(root)) {
      return {
        kind: 'library',
        system: `runtime ${root}`,
        hides: ['nothing an integration depends on: this replaces part of the runtime environment'],
        alternative: 'fine as it is when it only silences output or stands in for the browser environment',
        external: false,
        via: [label],
        catalogMatch: null,
      };
    }
    return {
      kind: 'unknown',
      system: object,
      hides: UNKNOWN_HIDES,
      alternative: 'use the real object, or a real instance of whatever it talks to',
      external: false,
      via: [label],
      catalogMatch: null,
    };
  }

  private fromModule(specifier: string, fromFile: string, aliases: readonly Alias[], label?: string): ResolvedBoundary {
    const viaHead = label && label !== specifier ? [label] : [];
    if (isBareSpecifier(specifier)) {
      const resolved = (aliases.length ? this.modules.resolve(fromFile, specifier, aliases) : null) ?? this.modules.resolveWorkspace(specifier);
      if (resolved) return this.fromOwnModule(resolved, [...viaHead]);
      // A package of this repository is your own code even where the file it names is not found.
      if (canNamePackage(specifier) && !this.modules.isWorkspacePackage(specifier) && !aliases.some((a) => !a.baseUrl && a.prefix !== '' && specifier.startsWith(a.prefix))) {
        return this.fromPackage(specifier, [...viaHead, specifier]);
      }
    }
    // Your own module, not in the audited files (or under an alias whose folder is missing).
    const resolved = isBareSpecifier(specifier) ? null : this.modules.resolve(fromFile, specifier, aliases);
    if (!resolved) {
      return {
        kind: 'internal',
        system: `your module ${specifier}`,
        hides: INTERNAL_HIDES,
        alternative: INTERNAL_ALTERNATIVE,
        external: false,
        via: [...viaHead, specifier],
        catalogMatch: null,
      };
    }
    return this.fromOwnModule(resolved, [...viaHead]);
  }

  private fromPackage(specifier: string, via: string[]): ResolvedBoundary {
    const entry = this.catalog.lookup(specifier) ?? this.catalog.byMatch(specifier);
    if (entry) return fromEntry(entry, via);
    const name = specifier.startsWith('node:') ? specifier.slice(5) : packageName(specifier);
    if (ID_GENERATORS.has(name)) return idSource(`library ${name}`, via);
    if (RUNTIME_GUARDS.has(name)) {
      return {
        kind: 'library',
        system: `runtime guard ${name}`,
        hides: ['nothing: the package only throws when it is imported outside the runtime it names'],
        alternative: 'fine as it is: the test runner is not the server or client runtime the guard checks for',
        external: false,
        via,
        catalogMatch: null,
      };
    }
    // Node's own modules are not upgraded apart from Node, and a double of one hides only its behaviour.
    const builtin = isBuiltin(specifier);
    return {
      kind: 'library',
      system: builtin ? `Node's ${name} module` : `library ${name}`,
      hides: builtin ? [LIBRARY_HIDES[0]!.replace("library's", "module's")] : LIBRARY_HIDES,
      alternative: builtin ? 'use the real module; fake only what it reaches outside the process' : 'use the real library; fake only what it reaches outside the process',
      external: false,
      via,
      catalogMatch: null,
    };
  }


  /** Your own module: the boundaries its imports reach, most significant first. */
  private fromOwnModule(path: string, viaHead: string[]): ResolvedBoundary {
    // Your own client named in the configuration's catalog: it is the boundary.
    const own = this.catalog.entryForFile(path);
    if (own) return fromEntry(own, [...viaHead, path]);
    const reaches = this.reach(path);
    const external = reaches.filter((r) => kindIsExternal(r.entry.kind));
    const chosen = (external.length ? external : reaches).slice().sort((a, b) => rank(a.entry.kind) - rank(b.entry.kind) || a.path.length - b.path.length);
    if (chosen.length === 0) {
      return {
        kind: 'internal',
        system: `your module ${path}`,
        hides: INTERNAL_HIDES,
        alternative: INTERNAL_ALTERNATIVE,
        external: false,
        via: [...viaHead, path],
        catalogMatch: null,
      };
    }
    const first = chosen[0]!;
    const systems: string[] = [];
    const hides: string[] = [];
    for (const reach of chosen) {
      const family = systemFamily(reach.entry.system);
      if (!systems.some((s) => systemFamily(s) === family)) systems.push(reach.entry.system);
    }
    // The first system's failures lead; one from each other system follows, within five.
    hides.push(...first.entry.hides.slice(0, 3));
    for (const reach of chosen.slice(1)) {
      const next = reach.entry.hides[0];
      if (next && !hides.includes(next) && hides.length < 5) hides.push(next);
    }
    return {
      kind: first.entry.kind,
      system: systems.slice(0, 3).join(', '),
      hides,
      alternative: first.entry.alternative,
      external: kindIsExternal(first.entry.kind),
      via: [...viaHead, ...first.path],
      catalogMatch: first.entry.match,
      ...(first.entry.engine ? { engine: first.entry.engine } : {}),
    };
  }

  /** External systems a module of your own reaches through its imports, one per system. */
  reachableBoundaries(path: string): ResolvedBoundary[] {
    const out: ResolvedBoundary[] = [];
    for (const reach of this.reach(path)) {
      const family = systemFamily(reach.entry.system);
      if (!kindIsExternal(reach.entry.kind) || out.some((b) => systemFamily(b.system) === family)) continue;
      out.push(fromEntry(reach.entry, reach.path));
    }
    return out;
  }

  /** Catalog entries (any kind) a module of your own reaches through its imports. */
  reachableMatches(path: string): string[] {
    return this.reach(path).map((r) => r.entry.match);
  }

  /** The catalog boundary of a package specifier, or null when the catalog does not know it. */
  packageBoundary(specifier: string): ResolvedBoundary | null {
    const entry = this.catalog.lookup(specifier);
    return entry ? fromEntry(entry, [specifier]) : null;
  }

  /** Catalog boundaries reachable from a module through its imports (breadth first, bounded). */
  private reach(start: string): Reach[] {
    const cached = this.reachCache.get(start);
    if (cached) return cached;
    const found: Reach[] = [];
    const seen = new Set<string>([start]);
    let frontier: { path: string; chain: string[] }[] = [{ path: start, chain: [start] }];
    for (let depth = 0; depth < MAX_DEPTH && frontier.length && seen.size < MAX_MODULES; depth++) {
      const next: { path: string; chain: string[] }[] = [];
      for (const node of frontier) {
        for (const specifier of this.summaries.get(node.path).imports) {
          // A bare specifier can still be the repository's own code: a package of the workspace, a
          // tsconfig `paths` alias or a file under `baseUrl`.
          const workspace = isBareSpecifier(specifier) ? (this.modules.resolveWorkspace(specifier) ?? this.modules.resolve(node.path, specifier)) : null;
          if (isBareSpecifier(specifier) && !workspace) {
            const entry = this.catalog.lookup(specifier);
            if (entry && !found.some((f) => f.entry === entry)) found.push({ entry, path: [...node.chain, specifier] });
            continue;
          }
          const resolved = workspace ?? this.modules.resolve(node.path, specifier);
          if (!resolved || seen.has(resolved) || isTestLike(resolved)) continue;
          seen.add(resolved);
          const own = this.catalog.entryForFile(resolved);
          if (own) {
            if (!found.some((f) => f.entry === own)) found.push({ entry: own, path: [...node.chain, resolved] });
            continue;
          }
          next.push({ path: resolved, chain: [...node.chain, resolved] });
        }
      }
      frontier = next;
    }
    this.reachCache.set(start, found);
    return found;
  }

  private guardBoundary(name: string, resolved: ResolvedBoundary): ResolvedBoundary {
    const passport = this.catalog.lookup('@nestjs/passport');
    return {
      kind: 'auth',
      system: `auth guard ${name}`,
      hides: passport?.hides ?? ['token and session checks the guard performs', 'role and permission checks', 'the 401/403 responses'],
      alternative: passport?.alternative ?? 'the real guard with tokens signed by a test key',
      external: true,
      via: resolved.via,
      catalogMatch: passport?.match ?? null,
    };
  }

  private fromHost(host: string): ResolvedBoundary {
    const entry = this.catalog.lookupHost(host);
    if (entry) return fromEntry(entry, [host], entry.kind === 'http' ? undefined : `${entry.system} (HTTP API)`, 'http');
    const generic = this.catalog.byMatch('fetch')!;
    const own = host.startsWith('relative URL') || /^(localhost|127\.0\.0\.1)$/.test(host);
    // 'HTTP APIs (msw handlers defined elsewhere)' already names itself.
    const where = host.startsWith('URL from ') || host.startsWith('URLs matching ') ? `HTTP API (${host})` : host.startsWith('HTTP APIs (') ? host : `HTTP API at ${host}`;
    return {
      ...fromEntry(generic, [host]),
      system: own ? 'your own HTTP API' : where,
      alternative: own
        ? 'run your own API for real (the real server on a random port, or the framework inject) instead of canned responses'
        : generic.alternative,
    };
  }

  private fromGlobal(name: string): ResolvedBoundary {
    if (name === 'Date') return fromEntry(this.catalog.byMatch('Date')!, ['Date']);
    if (name === 'HttpClient') return this.fromPackage('@angular/common/http', ['HttpClient']);
    return fromEntry(this.catalog.byMatch('fetch')!, [name]);
  }
}

function wellKnown(name: string): Origin | null {
  const module = WELL_KNOWN_NAMES[name];
  return module ? { module, name } : null;
}

function rank(kind: BoundaryKind): number {
  const index = PRIORITY.indexOf(kind);
  return index < 0 ? PRIORITY.length : index;
}

function isTestLike(path: string): boolean {
  return /(^|\/)(__tests__|__mocks__)\/|\.(test|spec)\.[cm]?[jt]sx?$/.test(path);
}

function fromEntry(entry: CatalogEntry, via: string[], system?: string, kind?: BoundaryKind): ResolvedBoundary {
  const k = kind ?? entry.kind;
  return {
    kind: k,
    system: system ?? entry.system,
    hides: entry.hides,
    alternative: entry.alternative,
    external: kindIsExternal(k),
    via,
    catalogMatch: entry.match,
    ...(entry.engine ? { engine: entry.engine } : {}),
  };
}

/** `@/api`, `~/lib`, `$lib/db` are aliases: no npm package can have such a name. */
function canNamePackage(specifier: string): boolean {
  return /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(\/|$)/i.test(specifier) || specifier.startsWith('node:');
}

/**
 * Types of the request, response or handler context a framework hands to a handler, guard or
 * middleware (`Request`, `AuthenticatedRequest`, `FastifyReply`, Nest's `ExecutionContext`).
 */
const HTTP_MESSAGE_TYPE = /^(\w*(Request|Response|Reply|Req|Res)|IncomingMessage|ServerResponse|ExecutionContext|ArgumentsHost|HttpArgumentsHost|CallHandler|NextFunction)$/;

/**
 * A deep double of a request, response or handler context (`mock<Request>()`,
 * `createMock<ExecutionContext>()`): the input the test hands to a handler, guard or middleware,
 * not a dependency the code reaches. Whatever module the type is declared in is not replaced.
 */
const HTTP_MESSAGE_HIDES: Record<string, string> = {
  request: 'what the framework really puts in a request: the parsed body, headers, cookies, the user set by earlier middleware',
  response: 'what the framework really does with a response: headers already sent, how the status and body are serialised',
  'handler context': 'what the framework really passes a guard or interceptor: the request, the handler and its metadata',
};

function httpMessage(name: string): ResolvedBoundary {
  const last = name.slice(name.lastIndexOf('.') + 1);
  const noun = /Request$|Req$|IncomingMessage/.test(last) ? 'request' : /(Response|Reply|Res)$/.test(last) ? 'response' : 'handler context';
  return {
    kind: 'library',
    system: `a ${noun} built by the framework`,
    hides: [HTTP_MESSAGE_HIDES[noun]!],
    alternative: 'fine as the input of a unit test; to test the route itself, send a real request through the app (supertest, inject)',
    external: false,
    via: [name],
    catalogMatch: null,
    lowStakes: true,
  };
}

/** A logger class or interface: `sinon.createStubInstance(ConsoleLogger)`, `mock<Logger>()`, `createMock<LoggerService>()`. */
const LOGGER_TYPE = /^\w*Logger(Service)?$/;

/** A deep double of a logger only keeps output quiet or captures what was logged: low stakes in every tier. */
function loggerDouble(name: string): ResolvedBoundary {
  return {
    kind: 'library',
    system: 'a logger',
    hides: ['what the real logger does with an entry: its format, level filtering and where it is written'],
    alternative: 'fine as it is when it silences output or captures what the code logs',
    external: false,
    via: [name],
    catalogMatch: null,
    lowStakes: true,
  };
}

/** A maker of ids or random bytes, replaced for predictable values: low stakes in every tier. */
function idSource(system: string, via: string[]): ResolvedBoundary {
  return {
    kind: 'library',
    system,
    hides: ["the real ids' format (length, alphabet, ordering) where your code or its database depends on it"],
    alternative: 'keep the real generator and assert on the shape of the id (expect.any(String)) or on the id the code returns',
    external: false,
    via,
    catalogMatch: null,
    lowStakes: true,
  };
}

/** `crypto` imported from Node's crypto module, or the Web Crypto global. */
function isCrypto(object: string, origin: Origin | null): boolean {
  if (origin?.module) return origin.module === 'crypto' || origin.module === 'node:crypto';
  return CRYPTO_GLOBALS.has(object);
}
