/** The tool's version, read from its own package.json (never the audited repo's). */
import { existsSync, readFileSync } from 'node:fs';

let cached: string | null = null;

export function toolVersion(): string {
  if (cached === null) {
    // From dist/src/ when built, from src/ when run from source.
    for (const relative of ['../../package.json', '../package.json']) {
      const url = new URL(relative, import.meta.url);
      if (!existsSync(url)) continue;
      const manifest = JSON.parse(readFileSync(url, 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'test-audit' && manifest.version) {
        cached = manifest.version;
        break;
      }
    }
    cached ??= '0.0.0';
  }
  return cached;
}
