/**
 * NestJS testing modules: which provider doubles can reach the code under test.
 *
 * Nest resolves a provider's dependencies in the provider's own module, then in the modules that
 * module imports (and global modules); never in the module that imports it. A provider listed in
 * `Test.createTestingModule({ imports: [AppModule], providers: [{ provide: MailService, useValue }] })`
 * is therefore visible to the testing module's own controllers and providers only: the services
 * inside AppModule keep their own MailService. Only `overrideProvider(MailService)` replaces it
 * there. When the testing module has no controller and no provider besides such doubles, the
 * doubles reach nothing the app runs, and they are not reported as replacing the app's dependency.
 *
 * Cold code: reached only for a provider literal already known to be a double, and at the end of
 * the walk for files that have one.
 */
import { ts } from '../typescript.js';
import type { MockSite } from '../model/test-model.js';
import { anyNode, dottedName, propertyKey, rootIdentifier, unwrap } from './chain.js';
import type { ExtractionState } from './state.js';

/** Tokens whose providers Nest applies to the whole application, wherever they are listed. */
const APP_ENHANCERS = new Set(['APP_GUARD', 'APP_INTERCEPTOR', 'APP_PIPE', 'APP_FILTER']);

/**
 * For a NestJS provider double (`{ provide: X, useValue: double }`): true when it sits in the
 * `providers` of a `Test.createTestingModule({...})` call that imports at least one of the
 * project's own modules and lists no controller and no provider other than doubles, so no code of
 * the app can receive it. `isDoubleProvider` tells whether another provider literal is a double.
 */
export function providerBesideImportsOnly(
  state: ExtractionState,
  provider: ts.ObjectLiteralExpression,
  ancestors: readonly ts.Node[],
  isDoubleProvider: (other: ts.ObjectLiteralExpression) => boolean,
): boolean {
  const n = ancestors.length;
  const [call, metadata, property, list] = [ancestors[n - 4], ancestors[n - 3], ancestors[n - 2], ancestors[n - 1]];
  if (!list || !ts.isArrayLiteralExpression(list)) return false;
  if (!property || !ts.isPropertyAssignment(property) || property.initializer !== list || propertyKey(property.name) !== 'providers') return false;
  if (!metadata || !ts.isObjectLiteralExpression(metadata)) return false;
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== metadata) return false;
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'createTestingModule') return false;
  if (isAppEnhancer(provider)) return false;

  let importsOwnModule = false;
  for (const entry of metadata.properties) {
    // `...base` or a shorthand `controllers` may carry anything.
    if (!ts.isPropertyAssignment(entry)) return false;
    const name = propertyKey(entry.name);
    const value = unwrap(entry.initializer);
    if (name === 'controllers') {
      if (!ts.isArrayLiteralExpression(value) || value.elements.length > 0) return false;
    } else if (name === 'providers') {
      if (value !== list) return false;
      for (const element of list.elements) {
        if (!ts.isObjectLiteralExpression(element) || !isDoubleProvider(element)) return false;
      }
    } else if (name === 'imports') {
      if (!ts.isArrayLiteralExpression(value)) return false;
      importsOwnModule = value.elements.some((element) => isProjectModule(state, element));
    }
  }
  return importsOwnModule;
}

/**
 * At the end of the walk: the provider doubles that reach nothing the app runs are dropped from
 * the file's doubles, unless the file builds something by hand (`new OrdersService(repo)` with
 * `repo = moduleRef.get(Repo)`, or the double itself): then a double may reach the unit that way.
 */
export function dropProvidersBesideImports(state: ExtractionState): void {
  if (state.providersBesideImports.length === 0 && state.providedDeepDoubles.size === 0) return;
  const dropped = new Set<MockSite>(state.providersBesideImports);
  // A deep double made first and provided by name only there (`useValue: mail`, `mail = createMock<MailService>()`).
  for (const [name, inert] of state.providedDeepDoubles) {
    const site = state.deepDoubleSites.get(name);
    if (inert && site) dropped.add(site);
  }
  if (dropped.size === 0 || buildsWithContainerValues(state)) return;
  state.model.mocks = state.model.mocks.filter((site) => !dropped.has(site));
}

/**
 * `{ provide: APP_FILTER, useClass: TestFilter }`: Nest adds the class to the app's filters (or
 * interceptors, or pipes) beside any others; it takes no dependency's place, so it is no double.
 * APP_GUARD is left out: a guard that lets every request through stands in for the app's auth.
 */
export function addsEnhancer(provide: ts.Expression): boolean {
  const token = enhancerToken(provide);
  return token !== null && token !== 'APP_GUARD';
}

function isAppEnhancer(provider: ts.ObjectLiteralExpression): boolean {
  for (const property of provider.properties) {
    if (!ts.isPropertyAssignment(property) || propertyKey(property.name) !== 'provide') continue;
    return enhancerToken(property.initializer) !== null;
  }
  return false;
}

/** `APP_FILTER`, `core.APP_GUARD`: the app-wide enhancer token a provider is given, or null. */
function enhancerToken(provide: ts.Expression): string | null {
  const name = dottedName(unwrap(provide));
  const token = name === null ? null : name.slice(name.lastIndexOf('.') + 1);
  return token !== null && APP_ENHANCERS.has(token) ? token : null;
}

/**
 * A module of the project itself: `AppModule`, `OrdersModule.forRoot(…)` imported from a relative
 * path or from a file named `*.module`. Library modules (`ConfigModule.forRoot()`,
 * `TypeOrmModule.forFeature([User])`) hold no code under test.
 */
function isProjectModule(state: ExtractionState, element: ts.Expression): boolean {
  if (ts.isSpreadElement(element)) return false;
  const root = rootIdentifier(element);
  if (!root) return false;
  const origin = state.originOf(root);
  if (!origin?.module || origin.instance) return false;
  return origin.module.startsWith('.') || /\.module(\.[cm]?[jt]s)?$/.test(origin.module);
}

/**
 * Whether the file hands a value from a DI container, or a provided double, to `new` by hand:
 * `new OrdersService(moduleRef.get(Repo))`, or through a variable assigned from `.get(…)` /
 * `.resolve(…)`, or a variable provided as a value (`useValue: repo` and `new OrdersService(repo)`).
 */
function buildsWithContainerValues(state: ExtractionState): boolean {
  const fromContainer = new Set<string>();
  const provided = new Set<string>();
  const isContainerCall = (expr: ts.Expression): boolean => {
    const inner = unwrap(expr);
    if (!ts.isCallExpression(inner)) return false;
    const callee = unwrap(inner.expression);
    return ts.isPropertyAccessExpression(callee) && (callee.name.text === 'get' || callee.name.text === 'resolve');
  };
  const news: ts.NewExpression[] = [];
  anyNode(state.sourceFile, (node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && isContainerCall(node.initializer)) fromContainer.add(node.name.text);
    else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && isContainerCall(node.right)) {
      const left = unwrap(node.left);
      if (ts.isIdentifier(left)) fromContainer.add(left.text);
      else if (ts.isPropertyAccessExpression(left)) fromContainer.add(left.name.text);
    } else if (ts.isPropertyAssignment(node) && propertyKey(node.name) === 'useValue') {
      const root = rootIdentifier(node.initializer);
      if (root) provided.add(root);
    } else if (ts.isNewExpression(node)) news.push(node);
    return false;
  });
  return news.some((made) =>
    (made.arguments ?? []).some((arg) => {
      if (isContainerCall(arg)) return true;
      const inner = unwrap(arg);
      const name = ts.isIdentifier(inner) ? inner.text : ts.isPropertyAccessExpression(inner) ? inner.name.text : rootIdentifier(inner);
      return name !== null && (fromContainer.has(name) || provided.has(name));
    }),
  );
}
