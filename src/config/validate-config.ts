/** Validates a configuration value against config.schema.json, the same file we ship for editors. */
import { existsSync, readFileSync } from 'node:fs';
import { createValidator, type Schema, type SchemaProblem } from './schema-validator.js';

let validator: ((value: unknown) => SchemaProblem | null) | null = null;

/** The shipped schema: beside this module in src/, or in src/ when running from dist/. */
export function configSchema(): Schema {
  return readShippedJson('config/config.schema.json');
}

/** A JSON file shipped under src/ (package.json `files`), read from src/ or from dist/src/. */
export function readShippedJson(pathUnderSrc: string): Schema {
  for (const base of ['../', '../../../src/']) {
    const url = new URL(base + pathUnderSrc, import.meta.url);
    if (existsSync(url)) return JSON.parse(readFileSync(url, 'utf8')) as Schema;
  }
  throw new Error(`${pathUnderSrc} is missing from the test-audit installation`);
}

/** The first problem found, or null when the value is a valid configuration. */
export function findConfigProblem(value: unknown): SchemaProblem | null {
  validator ??= createValidator(configSchema());
  return validator(value);
}
