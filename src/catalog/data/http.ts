import type { CatalogEntry } from '../types.js';

const HTTP_HIDES = [
  'response shape changes: renamed, missing or newly nullable fields',
  'error statuses and error body formats (4xx/5xx) the code must handle',
  'rate limiting (429) and retry behaviour',
  'timeouts, connection resets and DNS failures',
  'auth header and token handling',
];
const HTTP_ALTERNATIVE =
  'a contract test (Pact) or recorded real responses kept in sync with the provider; for your own services, run the real service';

export const http: CatalogEntry[] = [
  { match: 'axios', kind: 'http', system: 'HTTP API via axios', hides: HTTP_HIDES, alternative: HTTP_ALTERNATIVE },
  { match: 'node-fetch', kind: 'http', system: 'HTTP API via fetch', hides: HTTP_HIDES, alternative: HTTP_ALTERNATIVE },
  { match: 'cross-fetch', kind: 'http', system: 'HTTP API via fetch', hides: HTTP_HIDES, alternative: HTTP_ALTERNATIVE },
  { match: 'isomorphic-fetch', kind: 'http', system: 'HTTP API via fetch', hides: HTTP_HIDES, alternative: HTTP_ALTERNATIVE },
  { match: 'got', kind: 'http', system: 'HTTP API via got', hides: HTTP_HIDES, alternative: HTTP_ALTERNATIVE },
  { match: 'undici', kind: 'http', system: 'HTTP API via undici', hides: HTTP_HIDES, alternative: HTTP_ALTERNATIVE },
  { match: 'ky', kind: 'http', system: 'HTTP API via ky', hides: HTTP_HIDES, alternative: HTTP_ALTERNATIVE },
  { match: 'superagent', kind: 'http', system: 'HTTP API via superagent', hides: HTTP_HIDES, alternative: HTTP_ALTERNATIVE },
  { match: 'request', kind: 'http', system: 'HTTP API via request', hides: HTTP_HIDES, alternative: HTTP_ALTERNATIVE },
  { match: 'ofetch', kind: 'http', system: 'HTTP API via ofetch', hides: HTTP_HIDES, alternative: HTTP_ALTERNATIVE },
  { match: '@nestjs/axios', kind: 'http', system: 'HTTP API via NestJS HttpService', hides: HTTP_HIDES, alternative: HTTP_ALTERNATIVE },
  { match: '@angular/common/http', kind: 'http', system: 'HTTP API via Angular HttpClient', hides: HTTP_HIDES, alternative: HTTP_ALTERNATIVE },
  { match: 'http', kind: 'http', system: 'HTTP (Node http module)', hides: HTTP_HIDES, alternative: HTTP_ALTERNATIVE },
  { match: 'https', kind: 'http', system: 'HTTPS (Node https module)', hides: HTTP_HIDES, alternative: HTTP_ALTERNATIVE },
  {
    match: 'fetch',
    kind: 'http',
    system: 'HTTP API via global fetch',
    hides: HTTP_HIDES,
    alternative: HTTP_ALTERNATIVE,
  },
  {
    match: 'stripe',
    kind: 'http',
    system: 'Stripe API',
    hides: [
      'idempotency-key conflicts and replayed requests',
      'card declines, 3-D Secure and other error objects with their codes',
      'webhook signature verification and event ordering',
      'API version changes to object shapes',
      'rate limits (429) on bursts',
    ],
    alternative: 'stripe-mock (Stripe\'s own fake server) or Stripe test mode in a scheduled job, plus webhook tests with signed test events',
  },
  {
    match: '@octokit/*',
    kind: 'http',
    system: 'GitHub API',
    hides: ['pagination and conditional requests', 'secondary rate limits and abuse detection', 'permission (403/404) differences by token scope', 'response shape changes between API versions'],
    alternative: 'recorded GitHub responses kept in sync, or a test organisation exercised in a scheduled job',
  },
  {
    match: 'openai',
    kind: 'http',
    system: 'OpenAI API',
    hides: ['rate limits and token-limit errors', 'response shape and streaming chunk formats', 'timeouts on long completions', 'content filtering and refusal responses'],
    alternative: 'recorded real responses replayed at the HTTP layer, refreshed on SDK upgrades; a live smoke test in a scheduled job',
  },
  {
    match: '@anthropic-ai/sdk',
    kind: 'http',
    system: 'Anthropic API',
    hides: ['rate limits and overloaded errors', 'response and streaming event shapes', 'token limits and stop reasons'],
    alternative: 'recorded real responses replayed at the HTTP layer, refreshed on SDK upgrades; a live smoke test in a scheduled job',
  },
  {
    match: 'twilio',
    kind: 'http',
    system: 'Twilio API',
    hides: ['invalid or unverified phone numbers (error 21211, 21608)', 'message status callbacks and their ordering', 'rate limits and queueing of messages'],
    alternative: 'Twilio test credentials and magic numbers in a contract test, or recorded responses',
  },
  {
    match: '@slack/web-api',
    kind: 'http',
    system: 'Slack Web API',
    hides: ['ok:false error responses (channel_not_found, not_in_channel)', 'rate limits per method tier', 'block kit validation errors'],
    alternative: 'recorded Slack responses kept in sync, or a test workspace exercised in a scheduled job',
  },
];
