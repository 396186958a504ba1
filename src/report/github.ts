/**
 * GitHub Actions workflow commands: one annotation per finding that counts
 * (`::error file=…,line=…,col=…,title=…::message`). Justified findings and, with a baseline, known
 * ones are left out: annotations are for what a pull request should look at. Pure: returns a string.
 */
import type { AuditResult, Finding } from '../model/finding.js';
import type { Severity } from '../model/rule.js';
import { withPrefix } from './paths.js';
import { UNSAFE_TEXT } from './text.js';

export interface GithubOptions {
  /** Prefix for paths, when the audited folder is not the repository root. */
  pathPrefix?: string;
}

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * Escapes a command's message, as @actions/core does, and writes every other control character as
 * visible text (`\u001b`): the Actions log renders ANSI escapes, so a test name could recolour it.
 */
export function escapeData(value: string): string {
  return value
    .replace(/%/g, '%25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A')
    .replace(UNSAFE_TEXT, (c) => (c === '\t' ? ' ' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** Escapes a property value: the message escapes plus the separators ':' and ','. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(result: AuditResult, options: GithubOptions = {}): string {
  const lines = result.findings.filter((f) => !f.suppressed && f.baseline !== 'existing').map((f) => annotation(f, options.pathPrefix));
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function annotation(f: Finding, prefix: string | undefined): string {
  const title = `test-audit ${f.ruleId} (${f.tier})`;
  const properties = [
    `file=${escapeProperty(withPrefix(prefix, f.path))}`,
    `line=${f.line}`,
    `col=${f.column}`,
    `title=${escapeProperty(title)}`,
  ].join(',');
  const message = f.test ? `${f.message}\n(in: ${f.test})` : f.message;
  return `::${COMMAND[f.severity]} ${properties}::${escapeData(message)}`;
}
