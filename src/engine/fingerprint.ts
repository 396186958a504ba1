/**
 * Baseline fingerprints: a finding's identity from facts that survive unrelated edits — rule, file,
 * message id, subject (what it is about), the title of the test or describe that owns it, and its
 * ordinal among findings equal in all of these. No line numbers: code moving, reformatting or a
 * describe renamed elsewhere keeps every fingerprint; a new mock adds a new one.
 */
import { createHash } from 'node:crypto';

export interface FingerprintFacts {
  ruleId: string;
  path: string;
  messageId: string;
  subject: string;
  /** Title of the owning test (or describe), '' at file level. Its own title only, not the describe path. */
  owner: string;
  line: number;
  column: number;
}

/** Fingerprints, index-aligned with the input. Ordinals count equal findings in source order. */
export function fingerprints(items: readonly FingerprintFacts[]): string[] {
  const groups = new Map<string, number[]>();
  items.forEach((item, index) => {
    const key = JSON.stringify([item.ruleId, item.path, item.messageId, item.subject, item.owner]);
    const group = groups.get(key) ?? [];
    group.push(index);
    groups.set(key, group);
  });
  const out: string[] = new Array<string>(items.length);
  for (const [key, members] of groups) {
    members.sort((a, b) => items[a]!.line - items[b]!.line || items[a]!.column - items[b]!.column || a - b);
    members.forEach((index, ordinal) => {
      out[index] = createHash('sha256').update(`${key}#${ordinal + 1}`).digest('hex').slice(0, 16);
    });
  }
  return out;
}
