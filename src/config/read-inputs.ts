/**
 * Reads the JSON files a run takes besides its configuration — a baseline, shard reports for a
 * merge — and says in one line what is wrong with one that does not fit.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import type { Baseline } from '../engine/baseline.js';
import { UsageError } from '../errors.js';
import type { AuditResult } from '../model/finding.js';
import { createValidator, type SchemaProblem } from './schema-validator.js';
import { readShippedJson } from './validate-config.js';

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${what} not found: ${path}` : `${display(path)}: cannot read ${what} (${code ?? 'error'})`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    throw new UsageError(`${display(path)}: not valid JSON, so not a ${what}`);
  }
}

/** A baseline written by --write-baseline. */
export async function readBaseline(path: string): Promise<Baseline> {
  const value = await readJson(path, 'baseline');
  const record = value as Partial<Baseline> | null;
  const valid =
    record !== null &&
    typeof record === 'object' &&
    record.schemaVersion === 1 &&
    Array.isArray(record.findings) &&
    record.findings.every((e) => e !== null && typeof e === 'object' && typeof e.fingerprint === 'string' && typeof e.path === 'string');
  if (!valid) throw new UsageError(`${display(path)}: not a test-audit baseline (expected { "schemaVersion": 1, "findings": [{ "fingerprint", "path", ... }] }, as --write-baseline writes)`);
  return record as Baseline;
}

let reportValidator: ((value: unknown) => SchemaProblem | null) | null = null;

/** A JSON report of a shard run, checked against the report schema. */
export async function readShardReport(path: string): Promise<AuditResult> {
  const value = await readJson(path, 'report');
  reportValidator ??= createValidator(readShippedJson('report/report.schema.json'));
  const problem = reportValidator(value);
  if (problem) throw new UsageError(`${display(path)}: not a test-audit JSON report: ${problem.keyPath || '(top level)'}: ${problem.message}`);
  const report = value as AuditResult;
  if (!report.rules || !report.verdict || report.findings.some((f) => typeof f.fingerprint !== 'string')) {
    throw new UsageError(`${display(path)}: made by a test-audit without shard support; run the shards again with this version`);
  }
  return report;
}

function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
