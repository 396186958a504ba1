/**
 * Markdown for pull-request comments and $GITHUB_STEP_SUMMARY: the verdict, the summary, the audit
 * table (what each mock hides), the other findings grouped by file, justified exceptions with their
 * reasons, and files not audited. Long lists collapse into <details>; text from audited files is
 * escaped so it cannot break the table or inject HTML. Pure: returns a string.
 */
import type { AuditResult, Finding } from '../model/finding.js';
import { isFailing } from '../engine/result.js';
import { sanitize } from './text.js';
import { MOCK_TABLE_RULES, type FailLevel } from './severity.js';

export interface MarkdownOptions {
  failOn: FailLevel;
  /** Rows listed before the rest is left to the JSON report (keeps PR comments under GitHub's size limit). */
  maxRows?: number;
}

/** More rows than this and a section is collapsed. */
const COLLAPSE_AFTER = 10;
const DEFAULT_MAX_ROWS = 200;

/** Escapes text for Markdown, in table cells included: no emphasis, links, code, HTML or column breaks. */
export function escapeMarkdown(value: string): string {
  // Backslash escapes first, so the entities written after them stay intact.
  return sanitize(value)
    .replace(/([\\*_[\]~])/g, '\\$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '&#124;')
    .replace(/`/g, '&#96;');
}

/** Inline code that survives any content: an HTML code element (Markdown still applies inside, so escaped). */
function code(value: string): string {
  return `<code>${escapeMarkdown(value)}</code>`;
}

export function formatMarkdown(result: AuditResult, options: MarkdownOptions): string {
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const counted = result.findings.filter((f) => !f.suppressed);
  const justified = result.findings.filter((f) => f.suppressed);
  const mocks = counted.filter((f) => MOCK_TABLE_RULES.has(f.ruleId));
  const others = counted.filter((f) => !MOCK_TABLE_RULES.has(f.ruleId));
  const out: string[] = [];

  out.push(`## test-audit: ${escapeMarkdown(result.root)}`, '', verdict(result, options.failOn), '');
  out.push(...summaryTable(result), '');

  if (mocks.length) {
    out.push(`### Audit table: what each mock hides (${mocks.length})`, '');
    out.push(...collapsible(mocks.length, `${mocks.length} mocks`, auditTable(mocks.slice(0, maxRows))));
    out.push(...truncated(mocks.length, maxRows));
  }
  if (others.length) {
    out.push(`### Other findings (${others.length})`, '');
    out.push(...byFile(others.slice(0, maxRows)));
    out.push(...truncated(others.length, maxRows));
  }
  if (justified.length) {
    out.push(`### Justified exceptions (${justified.length})`, '', 'Reported with their reasons; they never fail the run.', '');
    const rows = ['| File | Line | Rule | What | Reason |', '|---|---:|---|---|---|'];
    for (const f of justified.slice(0, maxRows)) {
      rows.push(`| ${code(f.path)} | ${f.line} | ${code(f.ruleId)} | ${escapeMarkdown(f.target ?? f.test ?? '')} | ${escapeMarkdown(f.suppressed!.reason)} |`);
    }
    out.push(...collapsible(justified.length, `${justified.length} justified exceptions`, rows));
    out.push(...truncated(justified.length, maxRows));
  }
  if (result.errors.length) {
    const rows = ['| File | Problem |', '|---|---|', ...result.errors.map((e) => `| ${code(e.path)} | ${escapeMarkdown(`${e.kind}: ${e.message}`)} |`)];
    out.push(`### Files not audited (${result.errors.length})`, '', ...collapsible(result.errors.length, `${result.errors.length} files`, rows));
  }
  if (result.warnings.length) {
    const items = result.warnings.map((w) => `- ${escapeMarkdown(w)}`);
    out.push(`### Context warnings (${result.warnings.length})`, '', ...collapsible(result.warnings.length, `${result.warnings.length} warnings`, items));
  }
  out.push(`<sub>test-audit ${escapeMarkdown(result.tool.version)}${scope(result)}</sub>`);
  return `${out.join('\n')}\n`;
}

function verdict(result: AuditResult, failOn: FailLevel): string {
  const failing = result.findings.filter((f) => isFailing(f, failOn)).length;
  const fresh = result.baseline ? 'new ' : '';
  if (failOn === 'none') return '**Fail level none**: the audit never fails the run.';
  if (failing === 0) return `:white_check_mark: **No ${fresh}findings at or above \`${failOn}\`.**`;
  return `:x: **${failing} ${fresh}finding${failing === 1 ? '' : 's'} at or above \`${failOn}\`**: the audit fails.`;
}

function summaryTable(result: AuditResult): string[] {
  const s = result.summary;
  const rows = [
    '| Test files | Support files | Tests | Tiers (unit / integration / e2e) | Mocks | Errors | Warnings | Info | Justified |',
    '|---:|---:|---:|---|---:|---:|---:|---:|---:|',
    `| ${s.testFiles} | ${s.supportFiles} | ${s.tests} | ${s.tiers.unit} / ${s.tiers.integration} / ${s.tiers.e2e} | ${s.mocks} | ${s.findings.error} | ${s.findings.warning} | ${s.findings.info} | ${s.suppressed} |`,
  ];
  if (result.baseline) {
    const b = result.baseline;
    rows.push('', `Baseline: **${b.new} new** · ${b.existing} known · ${b.fixed} fixed${b.fixed ? ' (rewrite it with `--write-baseline` to shrink it)' : ''}.`);
  }
  const boundaries = Object.entries(s.byBoundary);
  if (boundaries.length) {
    rows.push('', `Mocked boundaries: ${boundaries.map(([kind, c]) => `${escapeMarkdown(kind)} ${c.total}`).join(' · ')}.`);
  }
  return rows;
}

function auditTable(findings: readonly Finding[]): string[] {
  const rows = ['| File | Line | Tier | Severity | Mocked | Boundary | What it hides | Honest alternative |', '|---|---:|---|---|---|---|---|---|'];
  for (const f of findings) {
    const hides = (f.hides ?? []).slice(0, 3).map(escapeMarkdown).join('<br>');
    const known = f.baseline === 'existing' ? ' (known)' : '';
    const rule = f.ruleId === 'mocked-dependency' ? '' : ` ${code(f.ruleId)}`;
    rows.push(
      `| ${code(f.path)} | ${f.line} | ${f.tier} | ${f.severity}${rule}${known} | ${escapeMarkdown(f.target ?? '')} (${escapeMarkdown(f.mechanism ?? '')}) | ${escapeMarkdown(f.system ?? '')} (${escapeMarkdown(f.boundary ?? '')}) | ${hides} | ${escapeMarkdown(f.alternative ?? '')} |`,
    );
  }
  return rows;
}

function byFile(findings: readonly Finding[]): string[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.path, [...(groups.get(f.path) ?? []), f]);
  const collapse = findings.length > COLLAPSE_AFTER;
  const out: string[] = [];
  for (const [path, list] of groups) {
    const items = list.map((f) => {
      const known = f.baseline === 'existing' ? ' (known)' : '';
      const where = f.test ? ` in *${escapeMarkdown(f.test)}*` : '';
      return `- **${f.severity}**${known} ${code(f.ruleId)} line ${f.line}${where}: ${escapeMarkdown(f.message)}`;
    });
    if (collapse) out.push(`<details><summary>${code(path)} (${list.length})</summary>`, '', ...items, '', '</details>', '');
    else out.push(`**${code(path)}**`, '', ...items, '');
  }
  return out;
}

function collapsible(count: number, summary: string, lines: string[]): string[] {
  if (count <= COLLAPSE_AFTER) return [...lines, ''];
  return [`<details><summary>${escapeMarkdown(summary)}</summary>`, '', ...lines, '', '</details>', ''];
}

function truncated(total: number, max: number): string[] {
  return total > max ? [`${total - max} more not shown here: see the JSON report.`, ''] : [];
}

function scope(result: AuditResult): string {
  if (result.shard) return ` · shard ${result.shard.index}/${result.shard.count}`;
  if (result.changedSince !== undefined) return ` · tests changed since ${escapeMarkdown(result.changedSince)}`;
  return '';
}
