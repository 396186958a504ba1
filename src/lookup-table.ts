/**
 * Vocabulary tables are indexed with names taken from audited files. A plain object literal answers
 * `constructor`, `toString` or `__proto__` from Object.prototype, so a test that calls
 * `it.constructor(...)` or mocks a module named `constructor` would be matched against a function.
 * A table without a prototype answers only its own keys.
 */
export function lookupTable<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
