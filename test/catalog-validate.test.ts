/** validateCatalogEntries: what a config loader hands it, and the messages a user would read. */
import { describe, expect, it } from 'vitest';
import { validateCatalogEntries } from '../src/catalog/index.js';

const valid = {
  match: '@acme/billing-client',
  kind: 'http',
  system: 'Acme Billing',
  hides: ['invoice states the billing service rejects', 'currency rounding done by the service'],
  alternative: 'a contract test (Pact) against the billing service',
};

describe('validateCatalogEntries', () => {
  it('accepts valid entries and rebuilds them with only the known keys, text trimmed', () => {
    const input = [valid, { ...valid, match: 'acme-*', system: '  Acme services  ' }, { ...valid, match: 'acme-db', kind: 'database', engine: 'postgresql' }];
    const { entries, errors } = validateCatalogEntries(input);
    expect(errors).toEqual([]);
    expect(entries).toEqual([valid, { ...valid, match: 'acme-*', system: 'Acme services' }, { ...valid, match: 'acme-db', kind: 'database', engine: 'postgresql' }]);
    expect(entries[0]).not.toBe(valid);
  });

  it('accepts every form of match: name, subpath, scope, prefix, scoped prefix', () => {
    const matches = ['acme', 'acme/sub/path', '@acme/client', '@acme/client/sub', '@acme/*', 'acme-*', '@acme/client-*', 'mailgun.js', 'Date'];
    const { errors } = validateCatalogEntries(matches.map((match) => ({ ...valid, match })));
    expect(errors).toEqual([]);
  });

  it('rejects anything but an array', () => {
    expect(validateCatalogEntries({ entries: [] })).toEqual({ entries: [], errors: ['expected an array of catalog entries, got an object'] });
    expect(validateCatalogEntries(undefined).errors).toEqual(['expected an array of catalog entries, got nothing']);
  });

  it('names the index and key of each problem, and what was expected', () => {
    const { entries, errors } = validateCatalogEntries([
      'pg',
      { ...valid, match: 'node:fs' },
      { ...valid, match: 'acme/*/x' },
      { ...valid, kind: 'internal' },
      { ...valid, system: '' },
      { ...valid, hides: ['only one'] },
      { ...valid, hides: ['same', 'same', 3] },
      { ...valid, hides: 'a string' },
      { ...valid, alternative: 42 },
      { ...valid, kind: 'cache', engine: 'postgresql' },
      { ...valid, kind: 'database', engine: 'cockroach' },
      { ...valid, hide: ['typo'] },
      valid,
    ]);
    expect(entries).toEqual([valid]);
    expect(errors).toEqual([
      "[0]: expected an object with match, kind, system, hides and alternative, got 'pg'",
      "[1].match: expected a built-in without 'node:' ('fs'), got 'node:fs'",
      "[2].match: expected a package name, scope ('@acme/*') or prefix ending in '*' ('acme-*'), got 'acme/*/x'",
      "[3].kind: expected one of database, http, queue, cache, auth, cloud, email, filesystem, process, clock, got 'internal'",
      '[4].system: expected a non-empty string (the real system\'s name, e.g. "Acme Billing API"), got an empty string',
      '[5].hides: expected 2-5 items, got 1',
      "[6].hides[1]: 'same' repeats an earlier item; expected distinct failures",
      '[6].hides[2]: expected a non-empty string, got number 3',
      '[7].hides: expected an array of 2-5 failures a double hides, got \'a string\'',
      '[8].alternative: expected a non-empty string (the honest alternative, e.g. "a contract test (Pact)"), got number 42',
      "[9].engine: expected only on kind 'database', got it on kind 'cache'",
      "[10].engine: expected one of postgresql, mysql, mariadb, mssql, oracle, sqlite, pg-mem, mongodb, unknown, got 'cockroach'",
      '[11].hide: unknown key; expected one of match, kind, system, hides, alternative, engine',
    ]);
  });

  it('reports a match claimed twice at the later entry and keeps the first', () => {
    const { entries, errors } = validateCatalogEntries([valid, { ...valid, system: 'Acme Billing again' }]);
    expect(entries).toEqual([valid]);
    expect(errors).toEqual(["[1].match: '@acme/billing-client' is already claimed by entry [0]; expected each match once"]);
  });

  it('reports too many failures', () => {
    const { errors } = validateCatalogEntries([{ ...valid, hides: ['a', 'b', 'c', 'd', 'e', 'f'] }]);
    expect(errors).toEqual(['[0].hides: expected 2-5 items, got 6']);
  });
});
