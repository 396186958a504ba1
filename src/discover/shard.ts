/**
 * Shards: a deterministic 1/n of the test files, by a hash of each path (like Jest's shards), so a
 * file keeps its shard when others are added and every machine agrees without coordination.
 */
import type { ShardInfo } from '../model/finding.js';
import { UsageError } from '../errors.js';

/** 1-based shard of a path. FNV-1a: tiny, stable across Node versions and platforms. */
export function shardOf(path: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) {
    hash ^= path.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % count) + 1;
}

/** Parses 'i/n' (1 ≤ i ≤ n). */
export function parseShard(text: string): ShardInfo {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard expects i/n with 1 ≤ i ≤ n (e.g. 2/4), got '${text}'`);
  }
  return { index, count };
}
