/**
 * `test-audit catalog`: every boundary the tool knows — what a double of it hides and the honest
 * alternative — plus the fake libraries and API hosts it recognises. Pure: listing in, string out.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { CATALOG_KINDS, compareEntries, type CatalogEntry, type CatalogListing } from '../catalog/index.js';
import { escapeJsonText, plural, sanitize, wrap } from './text.js';

const WIDTH = 100;
const LABEL = 13;
const BODY = `    ${' '.repeat(LABEL)}`;

export function formatCatalogTable(listing: CatalogListing, options: { color: boolean; fromConfig?: ReadonlySet<string> }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const entries = [...listing.entries].sort(compareEntries);
  const bySystem = new Map(entries.map((e) => [e.match, e.system]));
  const out: string[] = [];
  out.push(
    c.bold(`Boundary catalog: ${plural(entries.length, 'entry', 'entries')}${options.fromConfig?.size ? ` (${options.fromConfig.size} from the configuration)` : ''}, ${plural(listing.fakeLibraries.length, 'fake library', 'fake libraries')}, ${plural(listing.hosts.length, 'host')}`),
    wrap('For each package: the real system behind it, the failures a double of it hides, and what an honest test uses instead.', WIDTH),
  );

  for (const kind of CATALOG_KINDS) {
    const ofKind = entries.filter((e) => e.kind === kind);
    if (ofKind.length === 0) continue;
    out.push('', c.bold(`${kind} (${ofKind.length})`));
    for (const entry of ofKind) out.push('', ...entryLines(entry, c, options.fromConfig?.has(entry.match) === true));
  }

  out.push('', c.bold(`fake libraries (${listing.fakeLibraries.length})`), wrap('A fake library stands in for the catalog entry named after the arrow.', WIDTH));
  const fakes = [...listing.fakeLibraries].sort((a, b) => compareText(a.package, b.package));
  const fakeWidth = Math.max(...fakes.map((f) => f.package.length));
  for (const fake of fakes) out.push(pointer(fake.package, fakeWidth, fake.fakes, bySystem));

  out.push('', c.bold(`hosts (${listing.hosts.length})`), wrap('Intercepting requests to a host (and its subdomains) fakes the catalog entry named after the arrow.', WIDTH));
  const hosts = [...listing.hosts].sort((a, b) => compareText(a.host, b.host));
  const hostWidth = Math.max(...hosts.map((h) => h.host.length));
  for (const host of hosts) out.push(pointer(host.host, hostWidth, host.entry, bySystem));
  return `${out.join('\n')}\n`;
}

/** 'name → match (system)': a fake library or host and the entry it points at, wrapped to the width. */
function pointer(name: string, width: number, match: string, systems: ReadonlyMap<string, string>): string {
  const head = `  ${sanitize(name).padEnd(width)}  → `;
  const system = systems.get(match);
  return head + wrap(system ? `${sanitize(match)} (${sanitize(system)})` : sanitize(match), WIDTH, ' '.repeat(head.length));
}

function entryLines(entry: CatalogEntry, c: ChalkInstance, configured: boolean): string[] {
  const engine = entry.engine ? c.dim(` · engine ${entry.engine}`) : '';
  const origin = configured ? c.dim(' · from the configuration') : '';
  const lines = [`  ${c.bold(sanitize(entry.match))}  ${sanitize(entry.system)}${engine}${origin}`];
  entry.hides.forEach((hide, i) => {
    const label = i === 0 ? c.dim('hides'.padEnd(LABEL)) : ' '.repeat(LABEL);
    lines.push(`    ${label}- ${wrap(sanitize(hide), WIDTH, `${BODY}  `)}`);
  });
  lines.push(`    ${c.dim('alternative'.padEnd(LABEL))}${wrap(sanitize(entry.alternative), WIDTH, BODY)}`);
  return lines;
}

/** Machine-readable listing, versioned: later versions of schema 1 only add fields. */
export function formatCatalogJson(listing: CatalogListing, fromConfig: ReadonlySet<string> = new Set()): string {
  const entries = [...listing.entries].sort(compareEntries).map((e) => ({
    match: e.match,
    kind: e.kind,
    system: e.system,
    hides: [...e.hides],
    alternative: e.alternative,
    ...(e.engine ? { engine: e.engine } : {}),
    ...(fromConfig.has(e.match) ? { source: 'configuration' } : {}),
  }));
  const fakeLibraries = [...listing.fakeLibraries]
    .sort((a, b) => compareText(a.package, b.package))
    .map((f) => ({ package: f.package, fakes: f.fakes }));
  const hosts = [...listing.hosts].sort((a, b) => compareText(a.host, b.host)).map((h) => ({ host: h.host, entry: h.entry }));
  return `${escapeJsonText(JSON.stringify({ schemaVersion: 1, entries, fakeLibraries, hosts }, null, 2))}\n`;
}

/** Code-unit order: the same on every machine, whatever its locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
