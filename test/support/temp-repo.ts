/** Writes a small repository to a fresh temporary folder, for snippet-sized audits on real files. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { audit, type AuditResult } from '../../src/index.js';

export async function withRepo<T>(files: Record<string, string>, use: (root: string) => Promise<T>): Promise<T> {
  const root = await mkdtemp(join(tmpdir(), 'test-audit-repo-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), text);
    }
    return await use(root);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

export function auditRepo(files: Record<string, string>): Promise<AuditResult> {
  return withRepo(files, (root) => audit({ root }));
}

/** Findings as 'ruleId@line' (optionally filtered by rule), for compact snippet expectations. */
export async function findingsOf(files: Record<string, string>, ruleId?: string): Promise<string[]> {
  const result = await auditRepo(files);
  return result.findings.filter((f) => !ruleId || f.ruleId === ruleId).map((f) => `${f.ruleId}@${f.line}`);
}
