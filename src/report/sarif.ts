/**
 * SARIF 2.1.0, for GitHub code scanning and other SARIF consumers: one reportingDescriptor per rule
 * (from rule metadata: descriptions, help, docs link, default level), one result per finding with
 * its location and fingerprint. Justified findings carry an inSource suppression with the reason;
 * with a baseline, results carry baselineState. Pure: returns a string.
 */
import type { AuditResult, Finding, RuleSummary } from '../model/finding.js';
import type { RuleDefinition, Severity, SeveritySetting } from '../model/rule.js';
import { packageFileUrl, ruleDocsUrl } from '../docs/links.js';
import { withPrefix } from './paths.js';
import { escapeJsonText } from './text.js';

export interface SarifOptions {
  /** Rule definitions, for descriptions and help text (rules a report names but this list lacks get a minimal descriptor). */
  rules: readonly RuleDefinition[];
  /** Prefix for paths, when the audited folder is not the repository root. */
  pathPrefix?: string;
}

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };
const RANK: Record<SeveritySetting, number> = { off: 0, info: 1, warning: 2, error: 3 };

export function formatSarif(result: AuditResult, options: SarifOptions): string {
  const version = result.tool.version;
  const summaries = new Map(result.rules.map((r) => [r.id, r]));
  const ids = [...result.rules.map((r) => r.id)];
  for (const id of [...new Set(result.findings.map((f) => f.ruleId))].sort()) if (!summaries.has(id)) ids.push(id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const definitions = new Map(options.rules.map((r) => [r.meta.id, r]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'test-audit',
            version,
            semanticVersion: version,
            informationUri: packageFileUrl(version, 'README.md'),
            rules: ids.map((id) => descriptor(id, version, definitions.get(id), summaries.get(id))),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: result.errors.map((e) => ({
              level: 'warning',
              message: { text: `Not audited (${e.kind}): ${e.message}` },
              locations: [location(options.pathPrefix, e.path)],
            })),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results: result.findings.map((f) => sarifResult(f, index.get(f.ruleId)!, options.pathPrefix)),
      },
    ],
  };
  return `${escapeJsonText(JSON.stringify(log, null, 2))}\n`;
}

function descriptor(id: string, version: string, definition: RuleDefinition | undefined, summary: RuleSummary | undefined) {
  const description = definition?.meta.description ?? summary?.description ?? id;
  const rationale = definition?.meta.rationale ?? description;
  const table = summary?.severity ?? definition?.meta.severity ?? {};
  const settings = Object.values(table).flatMap((t) => [t.unit, t.integration, t.e2e]);
  const highest = settings.reduce<SeveritySetting>((best, s) => (RANK[s] > RANK[best] ? s : best), 'off');
  const url = ruleDocsUrl(version, id);
  const severityLines = Object.entries(table).map(
    ([variant, t]) => `${variant === 'default' ? '' : `${variant}: `}unit ${t.unit}, integration ${t.integration}, e2e ${t.e2e}`,
  );
  return {
    id,
    name: id.replace(/(^|-)([a-z0-9])/g, (_m, _d, ch: string) => ch.toUpperCase()),
    shortDescription: { text: description },
    fullDescription: { text: rationale },
    helpUri: url,
    help: {
      text: `${description}\n\n${rationale}\n\nSeverity by tier: ${severityLines.join('; ')}.\n\nDocumentation: ${url}`,
      markdown: [
        `**${description}**`,
        '',
        rationale,
        '',
        '| variant | unit | integration | e2e |',
        '|---|---|---|---|',
        ...Object.entries(table).map(([variant, t]) => `| ${variant} | ${t.unit} | ${t.integration} | ${t.e2e} |`),
        '',
        `Justify an exception next to the finding: \`// test-audit-ignore-next-line ${id} -- <reason>\`.`,
        '',
        `[Documentation](${url})`,
      ].join('\n'),
    },
    defaultConfiguration: highest === 'off' ? { enabled: false, level: 'none' as SarifLevel } : { level: LEVEL[highest] },
    properties: { tags: ['testing', 'test-quality'], 'test-audit/severity': table },
  };
}

function location(prefix: string | undefined, path: string, line?: number, column?: number) {
  const uri = withPrefix(prefix, path).split('/').map(encodeURIComponent).join('/');
  return {
    physicalLocation: {
      artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
      ...(line !== undefined ? { region: { startLine: line, startColumn: column ?? 1 } } : {}),
    },
  };
}

function sarifResult(f: Finding, ruleIndex: number, prefix: string | undefined) {
  const properties: Record<string, unknown> = { tier: f.tier };
  if (f.test) properties['test'] = f.test;
  for (const key of ['mechanism', 'target', 'boundary', 'system', 'hides', 'alternative'] as const) {
    if (f[key] !== undefined) properties[key] = f[key];
  }
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [location(prefix, f.path, f.line, f.column)],
    partialFingerprints: { 'testAudit/v1': f.fingerprint },
    ...(f.baseline ? { baselineState: f.baseline === 'new' ? 'new' : 'unchanged' } : {}),
    ...(f.suppressed ? { suppressions: [{ kind: 'inSource', status: 'accepted', justification: f.suppressed.reason }] } : {}),
    properties,
  };
}
