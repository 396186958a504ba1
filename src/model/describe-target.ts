/** Human wording for what a mock site replaces, shared by rules and reporters. */
import type { MockTarget } from './test-model.js';

export function describeTarget(target: MockTarget): string {
  switch (target.kind) {
    case 'module':
      return `module '${target.specifier}'`;
    case 'member':
      return `${target.object}.${target.member}`;
    case 'type':
      return `${target.name} (deep double)`;
    case 'host':
      return target.host.includes(' ') ? target.host : `requests to ${target.host}`;
    case 'global':
      return target.name === 'Date' ? 'the clock (Date and timers)' : `global ${target.name}`;
    case 'token':
      return `provider ${target.name}`;
    case 'private':
      return `${target.name} inside module '${target.module}'`;
  }
}
