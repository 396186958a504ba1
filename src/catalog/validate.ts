/**
 * Checks catalog entries that come from outside the code (a user's configuration): pure, no IO.
 * Every problem becomes one message naming where it is ('[2].hides[0]') and what was expected, so
 * a config loader can prefix its own key and print them as they are.
 */
import type { DatabaseEngine } from '../model/test-model.js';
import { CATALOG_KINDS, type CatalogEntry, type CatalogKind } from './types.js';

export interface CatalogValidation {
  /** The entries that passed, rebuilt with only the known keys. */
  entries: CatalogEntry[];
  /** One message per problem; empty when every entry is valid. */
  errors: string[];
}

export const MIN_HIDES = 2;
export const MAX_HIDES = 5;

// A record, not a list, so the compiler insists on every engine the model knows.
const ENGINES: Record<DatabaseEngine, true> = {
  postgresql: true,
  mysql: true,
  mariadb: true,
  mssql: true,
  oracle: true,
  sqlite: true,
  'pg-mem': true,
  mongodb: true,
  unknown: true,
};

const KEYS = ['match', 'kind', 'system', 'hides', 'alternative', 'engine'];

/**
 * What a match may look like: a package name with optional subpath ('pg', 'fs/promises',
 * '@scope/name/sub'), a scope ('@azure/*') or a prefix ending in '*' ('@aws-sdk/client-*').
 */
const MATCH_FORM = /^(?:@[a-z0-9][\w.-]*\/(?:\*|[\w.-]*\*|[\w.-]+(?:\/[\w.-]+)*)|[A-Za-z0-9][\w.-]*(?:\*|(?:\/[\w.-]+)*))$/;

export function validateCatalogEntries(input: unknown): CatalogValidation {
  if (!Array.isArray(input)) return { entries: [], errors: [`expected an array of catalog entries, got ${describe(input)}`] };
  const entries: CatalogEntry[] = [];
  const errors: string[] = [];
  const seen = new Map<string, number>();
  input.forEach((raw: unknown, index) => {
    const at = `[${index}]`;
    const before = errors.length;
    const entry = checkEntry(raw, at, errors);
    if (entry && seen.has(entry.match)) {
      errors.push(`${at}.match: '${entry.match}' is already claimed by entry [${seen.get(entry.match)}]; expected each match once`);
    }
    if (entry && errors.length === before) {
      seen.set(entry.match, index);
      entries.push(entry);
    }
  });
  return { entries, errors };
}

function checkEntry(raw: unknown, at: string, errors: string[]): CatalogEntry | null {
  if (!isRecord(raw)) {
    errors.push(`${at}: expected an object with match, kind, system, hides and alternative, got ${describe(raw)}`);
    return null;
  }
  for (const key of Object.keys(raw)) {
    if (!KEYS.includes(key)) errors.push(`${at}.${key}: unknown key; expected one of ${KEYS.join(', ')}`);
  }
  const match = checkMatch(raw['match'], `${at}.match`, errors);
  const kind = checkKind(raw['kind'], `${at}.kind`, errors);
  const system = checkText(raw['system'], `${at}.system`, 'the real system\'s name, e.g. "Acme Billing API"', errors);
  const hides = checkHides(raw['hides'], `${at}.hides`, errors);
  const alternative = checkText(raw['alternative'], `${at}.alternative`, 'the honest alternative, e.g. "a contract test (Pact)"', errors);
  const engine = checkEngine(raw['engine'], kind, `${at}.engine`, errors);
  if (match === null || kind === null || system === null || hides === null || alternative === null || engine === null) return null;
  return { match, kind, system, hides, alternative, ...(engine === undefined ? {} : { engine }) };
}

function checkMatch(value: unknown, at: string, errors: string[]): string | null {
  if (typeof value !== 'string' || value.trim() === '') {
    errors.push(`${at}: expected a package name, scope ('@acme/*') or prefix ('acme-*'), got ${describe(value)}`);
    return null;
  }
  if (value.startsWith('node:')) {
    errors.push(`${at}: expected a built-in without 'node:' ('${value.slice(5)}'), got '${value}'`);
    return null;
  }
  if (!MATCH_FORM.test(value)) {
    errors.push(`${at}: expected a package name, scope ('@acme/*') or prefix ending in '*' ('acme-*'), got '${value}'`);
    return null;
  }
  return value;
}

function checkKind(value: unknown, at: string, errors: string[]): CatalogKind | null {
  if (typeof value === 'string' && (CATALOG_KINDS as readonly string[]).includes(value)) return value as CatalogKind;
  errors.push(`${at}: expected one of ${CATALOG_KINDS.join(', ')}, got ${describe(value)}`);
  return null;
}

function checkText(value: unknown, at: string, expected: string, errors: string[]): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  errors.push(`${at}: expected a non-empty string (${expected}), got ${describe(value)}`);
  return null;
}

function checkHides(value: unknown, at: string, errors: string[]): string[] | null {
  if (!Array.isArray(value)) {
    errors.push(`${at}: expected an array of ${MIN_HIDES}-${MAX_HIDES} failures a double hides, got ${describe(value)}`);
    return null;
  }
  const before = errors.length;
  const hides: string[] = [];
  value.forEach((item: unknown, i) => {
    if (typeof item !== 'string' || item.trim() === '') {
      errors.push(`${at}[${i}]: expected a non-empty string, got ${describe(item)}`);
    } else if (hides.includes(item.trim())) {
      errors.push(`${at}[${i}]: '${item.trim()}' repeats an earlier item; expected distinct failures`);
    } else hides.push(item.trim());
  });
  if (value.length < MIN_HIDES || value.length > MAX_HIDES) {
    errors.push(`${at}: expected ${MIN_HIDES}-${MAX_HIDES} items, got ${value.length}`);
  }
  return errors.length === before ? hides : null;
}

/** undefined: no engine given (fine); null: an invalid one. */
function checkEngine(value: unknown, kind: CatalogKind | null, at: string, errors: string[]): DatabaseEngine | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !Object.hasOwn(ENGINES, value)) {
    errors.push(`${at}: expected one of ${Object.keys(ENGINES).join(', ')}, got ${describe(value)}`);
    return null;
  }
  if (kind !== null && kind !== 'database') {
    errors.push(`${at}: expected only on kind 'database', got it on kind '${kind}'`);
    return null;
  }
  return value as DatabaseEngine;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value === '' ? 'an empty string' : `'${value}'`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
