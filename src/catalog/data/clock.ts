/**
 * Time: the system clock, timers, date libraries that read "now" themselves, and schedulers.
 * Pure date-function libraries (date-fns) are left out: a double of them fakes formatting, not time.
 */
import type { CatalogEntry } from '../types.js';

const DATE_LIBRARY_HIDES = [
  'time zone and daylight-saving conversions on real dates',
  'parsing of ambiguous or locale-specific formats',
  'what "now" is when the code reads the clock itself',
];
const INJECT_CLOCK =
  'inject a clock into the code under test; fake timers with a set system time are fine in unit tests';

export const clock: CatalogEntry[] = [
  {
    match: 'Date',
    kind: 'clock',
    system: 'system clock',
    hides: [
      'time zone and daylight-saving bugs',
      'real elapsed time and the order in which timers fire',
      'races that real timing exposes',
      'month and year boundaries the frozen date never crosses',
    ],
    alternative: INJECT_CLOCK,
  },
  {
    match: 'timers',
    kind: 'clock',
    system: 'timers',
    hides: [
      'real delays, and races between timers and I/O',
      'timers that keep the process alive (missing unref) or fire after teardown',
      'the order of setTimeout, setImmediate and promise callbacks',
    ],
    alternative: INJECT_CLOCK,
  },
  {
    match: 'timers/promises',
    kind: 'clock',
    system: 'timers',
    hides: [
      'real delays, and races between timers and I/O',
      'AbortSignal cancellation rejecting the pending delay',
      'intervals from setInterval() that outlive the loop consuming them',
    ],
    alternative: INJECT_CLOCK,
  },
  { match: 'moment', kind: 'clock', system: 'dates and time (Moment.js)', hides: DATE_LIBRARY_HIDES, alternative: INJECT_CLOCK },
  {
    match: 'moment-timezone',
    kind: 'clock',
    system: 'dates and time zones (Moment Timezone)',
    hides: ['daylight-saving gaps and overlaps in real zones', 'zone data that is out of date for recent rule changes', DATE_LIBRARY_HIDES[2]!],
    alternative: INJECT_CLOCK,
  },
  { match: 'dayjs', kind: 'clock', system: 'dates and time (Day.js)', hides: DATE_LIBRARY_HIDES, alternative: INJECT_CLOCK },
  { match: 'luxon', kind: 'clock', system: 'dates and time (Luxon)', hides: DATE_LIBRARY_HIDES, alternative: INJECT_CLOCK },
  {
    match: 'node-cron',
    kind: 'clock',
    system: 'scheduled jobs (node-cron)',
    hides: ['cron expressions that fire at other times than intended', 'time zones and daylight-saving changes in the schedule', 'overlapping runs of a slow job'],
    alternative: 'call the job function directly in tests; check when the expression fires by scheduling it under fake timers with a set system time',
  },
  {
    match: 'cron',
    kind: 'clock',
    system: 'scheduled jobs (cron)',
    hides: ['cron expressions that fire at other times than intended', 'time zones and daylight-saving changes in the schedule', 'overlapping runs of a slow job'],
    alternative: 'call the job function directly in tests; check the next dates of the real CronTime under fake timers with a set system time',
  },
  {
    match: 'node-schedule',
    kind: 'clock',
    system: 'scheduled jobs (node-schedule)',
    hides: ['recurrence rules that fire at other times than intended', 'time zones and daylight-saving changes in the schedule', 'jobs lost when the process restarts'],
    alternative: 'call the job function directly in tests; check the next invocation of the real job under fake timers with a set system time',
  },
  {
    match: '@nestjs/schedule',
    kind: 'clock',
    system: 'scheduled jobs (NestJS)',
    hides: ['Cron, Interval and Timeout decorators never registered when the module is faked', 'cron expressions and time zones firing at other times', 'overlapping runs of a slow job'],
    alternative: 'call the job method directly in tests; check the schedule through SchedulerRegistry in the real testing module under fake timers',
  },
];
