/**
 * JSON Schema validation with one clear line per problem: the key path and what was expected
 * there, for configuration files and for the reports `test-audit merge` reads.
 */
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';

// Loaded on first use: most runs have no configuration file to validate.
const load = createRequire(import.meta.url);

export type Schema = Record<string, unknown>;

export interface SchemaProblem {
  /** Key path in the value: 'rules.mocked-dependency.unit', 'catalog[2].kind', '' for the whole. */
  keyPath: string;
  message: string;
}

/** A validator that reports the first problem with a value, or null when it is valid. */
export function createValidator(schema: Schema): (value: unknown) => SchemaProblem | null {
  const { Ajv } = load('ajv') as typeof import('ajv');
  const validate: ValidateFunction = new Ajv({ allErrors: false, verbose: true, strict: true }).compile(schema);
  return (value) => {
    if (validate(value)) return null;
    const errors = validate.errors ?? [];
    return describeError(pickError(errors, errors.length - 1), schema, value);
  };
}

/**
 * For an anyOf failure about an object or a list, the deepest error inside it says more than "matches
 * no branch" ({ unit: 'fatal' } → 'unit' is wrong, not the whole setting).
 */
function pickError(errors: readonly ErrorObject[], index: number): ErrorObject {
  const error = errors[index]!;
  if (error.keyword !== 'anyOf' || error.data === null || typeof error.data !== 'object') return error;
  const deeper = errors.slice(0, index).filter((e) => e.instancePath.startsWith(`${error.instancePath}/`));
  if (deeper.length === 0) return error;
  const deepest = deeper.reduce((a, b) => (b.instancePath.length > a.instancePath.length ? b : a));
  return pickError(errors, errors.indexOf(deepest));
}

function describeError(error: ErrorObject, root: Schema, value: unknown): SchemaProblem {
  const keyPath = keyPathOf(error.instancePath, value);
  const params = error.params as Record<string, unknown>;
  const parent = error.parentSchema as Schema | undefined;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const known = Object.keys((parent?.['properties'] as Schema | undefined) ?? {}).filter((k) => k !== '$schema');
      return { keyPath: joinKey(keyPath, key), message: `unknown key; expected one of: ${known.join(', ')}` };
    }
    case 'required':
      return { keyPath, message: `missing required key '${String(params['missingProperty'])}'` };
    case 'minProperties':
      return { keyPath, message: `expected ${describeSchema(parent ?? {}, root)}, got an empty object` };
    case 'minItems':
      return { keyPath, message: `expected at least ${String(params['limit'])} item${params['limit'] === 1 ? '' : 's'}, got none` };
    case 'minLength':
      return { keyPath, message: 'expected a non-empty string, got an empty one' };
    default:
      return { keyPath, message: `expected ${describeSchema(parent ?? {}, root)}, got ${show(error.data)}` };
  }
}

/** Human words for what a schema accepts. */
export function describeSchema(schema: Schema, root: Schema): string {
  const s = resolve(root, schema);
  if (Array.isArray(s['enum'])) return `one of ${(s['enum'] as unknown[]).map((v) => `'${String(v)}'`).join(', ')}`;
  if (Array.isArray(s['anyOf'])) return (s['anyOf'] as Schema[]).map((b) => describeSchema(b, root)).join(', or ');
  switch (s['type']) {
    case 'string':
      return s['minLength'] ? 'a non-empty string' : 'a string';
    case 'array':
      return `a list of ${plural(describeSchema((s['items'] as Schema | undefined) ?? {}, root))}`;
    case 'object': {
      const keys = Object.keys((s['properties'] as Schema | undefined) ?? {}).filter((k) => k !== '$schema');
      return keys.length ? `an object with keys ${keys.join(', ')}` : 'an object';
    }
    default:
      return typeof s['type'] === 'string' ? `a ${s['type']}` : 'a valid value';
  }
}

function plural(phrase: string): string {
  return phrase.replace(/^an? non-empty string$/, 'non-empty strings').replace(/^a string$/, 'strings').replace(/^an object/, 'objects');
}

function resolve(root: Schema, schema: Schema): Schema {
  const ref = schema['$ref'];
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return schema;
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) node = (node as Schema)[part];
  return { ...resolve(root, node as Schema), ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$ref')) };
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value;
}

function show(value: unknown): string {
  const type = jsonType(value);
  if (type === 'object') return 'an object';
  if (type === 'array') return 'a list';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text.replace(/"/g, "'");
}

/** '/rules/mocked-dependency/unit' → 'rules.mocked-dependency.unit'; array indices as [n]. */
function keyPathOf(pointer: string, value: unknown): string {
  if (pointer === '') return '';
  let path = '';
  let node = value;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path = Array.isArray(node) ? `${path}[${key}]` : joinKey(path, key);
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return path;
}

export function joinKey(path: string, key: string): string {
  if (/^[A-Za-z_$][\w$-]*$/.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}
