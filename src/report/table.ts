/**
 * The terminal report: a summary, the audit table (one row per mock: what it hides and the honest
 * alternative), the other findings grouped by file, the justified exceptions with their reasons, and
 * the files that could not be audited. Pure: returns a string. Colour only when the caller asks.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { AuditResult, Finding } from '../model/finding.js';
import type { Severity } from '../model/rule.js';
import { isFailing } from '../engine/result.js';
import { block, plural, sanitize, wrap } from './text.js';
import { MOCK_TABLE_RULES, type FailLevel } from './severity.js';

export interface TableOptions {
  color: boolean;
  /** Only the summary and findings at or above the fail level. */
  quiet: boolean;
  failOn: FailLevel;
  /** Output width in columns. */
  width?: number;
}

const SEVERITY_LABEL: Record<Severity, string> = { error: 'error', warning: 'warn', info: 'info' };

export function formatTable(result: AuditResult, options: TableOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.max(80, Math.min(options.width ?? 100, 160));
  // Quiet shows what fails the run; otherwise every finding that counts. Justified ones get their own section.
  const shown = result.findings.filter((f) => (options.quiet ? isFailing(f, options.failOn) : !f.suppressed));
  const justified = options.quiet ? [] : result.findings.filter((f) => f.suppressed);
  const mockFindings = shown.filter((f) => MOCK_TABLE_RULES.has(f.ruleId));
  const others = shown.filter((f) => !MOCK_TABLE_RULES.has(f.ruleId));
  const out: string[] = [];

  out.push(c.bold(`test-audit ${result.tool.version} — ${sanitize(result.root)}`), '');
  out.push(...summaryLines(result, c, width));

  if (mockFindings.length) {
    out.push('', c.bold(`Audit table: what each mock hides (${mockFindings.length})`));
    out.push(auditTable(mockFindings, c, width));
  } else if (!options.quiet) {
    const justifiedMocks = justified.some((f) => MOCK_TABLE_RULES.has(f.ruleId));
    out.push('', c.bold(justifiedMocks ? 'Audit table: every mock is justified (listed below)' : 'Audit table: no mocks found'));
  }

  if (!options.quiet) out.push(...exerciseLines(result, c));

  if (others.length) {
    out.push('', c.bold(`Other findings (${others.length})`));
    out.push(...groupedFindings(others, c, width));
  }

  if (justified.length) {
    out.push('', c.bold(`Justified exceptions (${justified.length}): reported, never failing the run`));
    out.push(...groupedFindings(justified, c, width));
  }

  if (result.errors.length && !options.quiet) {
    out.push('', c.bold(`Files not audited (${result.errors.length})`));
    for (const error of result.errors) {
      out.push(`  ${c.yellow(sanitize(error.path))}`, c.dim(block(`${error.kind}: ${sanitize(error.message)}`, width, '    ')));
    }
  }
  if (result.warnings.length && !options.quiet) {
    out.push('', c.bold(`Context warnings (${result.warnings.length})`));
    for (const warning of result.warnings) out.push(block(sanitize(warning), width, '  '));
  }

  out.push('', verdictLine(result, options.failOn, c));
  return `${out.join('\n')}\n`;
}

function summaryLines(result: AuditResult, c: ChalkInstance, width: number): string[] {
  const s = result.summary;
  const byRule = Object.entries(s.byRule)
    .map(([rule, count]) => `${rule} ${count}`)
    .join(' · ');
  const findings = [
    s.findings.error ? c.red(plural(s.findings.error, 'error')) : plural(0, 'error'),
    s.findings.warning ? c.yellow(plural(s.findings.warning, 'warning')) : plural(0, 'warning'),
    `${s.findings.info} info`,
  ].join(' · ');
  return [
    `  Files      ${plural(s.testFiles, 'test file')}, ${plural(s.supportFiles, 'support file')} · ${plural(s.tests, 'test')}`,
    `  Tiers      unit ${s.tiers.unit} · integration ${s.tiers.integration} · e2e ${s.tiers.e2e}`,
    `  Mocks      ${s.mocks}`,
    `  Findings   ${findings}`,
    ...(byRule ? [`  By rule    ${wrap(byRule, width, ' '.repeat(13))}`] : []),
    ...(s.suppressed ? [`  Justified  ${plural(s.suppressed, 'finding')} (suppression comments with reasons, listed below)`] : []),
    ...(result.baseline
      ? [`  Baseline   ${result.baseline.new} new · ${result.baseline.existing} known · ${result.baseline.fixed} fixed${result.baseline.fixed ? ' (rewrite it with --write-baseline to shrink it)' : ''}`]
      : []),
    ...(s.errors ? [`  Not read   ${plural(s.errors, 'file')} (listed below)`] : []),
  ];
}

/** What the tests exercise for real and what they fake, per system, with integration honesty. */
function exerciseLines(result: AuditResult, c: ChalkInstance): string[] {
  const { boundaries, honesty } = result.summary;
  if (boundaries.length === 0 && honesty.tests === 0) return [];
  const lines = ['', c.bold('What the tests exercise')];
  if (honesty.tests > 0) {
    const percent = Math.round(honesty.share * 100);
    lines.push(
      `  Integration honesty  ${honesty.honest} of ${plural(honesty.tests, 'integration/e2e test')} honest (${percent}%)`,
      `  Other verdicts       ${honesty.partial} partial · ${honesty.ceremony} ceremony · ${honesty.noBoundary} no boundary · ${honesty.unasserted} unasserted`,
    );
  }
  if (boundaries.length) {
    const width = Math.min(44, Math.max(...boundaries.map((b) => b.system.length)) + 2);
    lines.push(`  ${'System'.padEnd(width)}${'Kind'.padEnd(12)}${'Real'.padStart(6)}${'Faked'.padStart(7)}`);
    for (const b of boundaries) {
      const name = sanitize(b.system).slice(0, width - 1).padEnd(width);
      const faked = b.faked ? c.yellow(String(b.faked).padStart(7)) : String(b.faked).padStart(7);
      lines.push(`  ${name}${b.kind.padEnd(12)}${String(b.real).padStart(6)}${faked}`);
    }
    lines.push(c.dim('  (tests that exercise each system for real, and tests that replace it with a double)'));
  }
  return lines;
}

function severityTag(severity: Severity, c: ChalkInstance, pad = 0): string {
  const label = SEVERITY_LABEL[severity].padEnd(pad);
  return severity === 'error' ? c.red(label) : severity === 'warning' ? c.yellow(label) : c.dim(label);
}

function auditTable(findings: readonly Finding[], c: ChalkInstance, width: number): string {
  // One table; a full-width row names each file, so paths are never cut and rows stay narrow.
  // Column widths include cell padding; seven border characters complete a row.
  const available = width - 7;
  const fixed = { line: 8, tier: 6, mocked: 18, boundary: 16 };
  const rest = available - fixed.line - fixed.tier - fixed.mocked - fixed.boundary;
  const hidesWidth = Math.ceil(rest * 0.55);
  const insteadWidth = rest - hidesWidth;
  const table = new Table({
    head: ['Line', 'Tier', 'Mocked', 'Boundary', 'What it hides', 'Honest alternative'].map((h) => c.bold(h)),
    colWidths: [fixed.line, fixed.tier, fixed.mocked, fixed.boundary, hidesWidth, insteadWidth],
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
  });
  let currentPath: string | null = null;
  for (const f of findings) {
    if (f.path !== currentPath) {
      currentPath = f.path;
      table.push([{ colSpan: 6, content: c.underline(sanitize(f.path)) }]);
    }
    const hides = (f.hides ?? []).slice(0, 3).map((h) => `• ${sanitize(h)}`).join('\n');
    table.push([
      `${f.line}\n${severityTag(f.severity, c)}${f.baseline === 'existing' ? `\n${c.dim('known')}` : ''}`,
      tierLabel(f.tier),
      `${sanitize(f.target ?? '')}\n${c.dim(sanitize(f.mechanism ?? ''))}${f.ruleId === 'mocked-dependency' ? '' : `\n${c.dim(f.ruleId)}`}`,
      `${sanitize(f.system ?? '')}\n${c.dim(f.boundary ?? '')}${viaText(f, c)}`,
      hides,
      sanitize(f.alternative ?? ''),
    ]);
  }
  return table.toString();
}

/** How an own module leads to the boundary: 'via src/db.ts → pg'. */
function viaText(f: Finding, c: ChalkInstance): string {
  const via = f.via ?? [];
  if (via.length < 2) return '';
  return `\n${c.dim(`via ${via.slice(1).map(sanitize).join(' → ')}`)}`;
}

function tierLabel(tier: string): string {
  return tier === 'integration' ? 'int' : tier;
}

function groupedFindings(findings: readonly Finding[], c: ChalkInstance, width: number): string[] {
  const lines: string[] = [];
  let currentPath: string | null = null;
  for (const f of findings) {
    if (f.path !== currentPath) {
      currentPath = f.path;
      lines.push('', `  ${c.underline(sanitize(f.path))} ${c.dim(`(${tierLabel(f.tier)})`)}`);
    }
    const location = `${f.line}:${f.column}`.padEnd(8);
    const known = f.baseline === 'existing' ? c.dim(' (known: in the baseline)') : '';
    const head = `    ${location}${severityTag(f.severity, c, 5)} ${c.cyan(f.ruleId)}${known}`;
    lines.push(head);
    if (f.test) lines.push(c.dim(block(`in: ${sanitize(f.test)}`, width, '            ')));
    if (f.suppressed) {
      if (f.target) lines.push(block(`${sanitize(f.target)} (${sanitize(f.mechanism ?? '')}): ${sanitize(f.system ?? '')}`, width, '            '));
      lines.push(block(`justified (line ${f.suppressed.line}): ${sanitize(f.suppressed.reason)}`, width, '            '));
      continue;
    }
    lines.push(block(sanitize(f.message), width, '            '));
  }
  return lines;
}

function verdictLine(result: AuditResult, failOn: FailLevel, c: ChalkInstance): string {
  const failing = result.findings.filter((f) => isFailing(f, failOn)).length;
  const fresh = result.baseline ? 'new ' : '';
  if (failOn === 'none') return c.dim('Fail level: none (the audit never fails the run).');
  if (failing === 0) return c.green(`No ${fresh}findings at or above '${failOn}'.`);
  return c.red(`${plural(failing, `${fresh}finding`)} at or above '${failOn}': the audit fails (exit code 1).`);
}
