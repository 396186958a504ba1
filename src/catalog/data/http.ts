/**
 * HTTP: generic clients (what they reach is unknown, so their failures are HTTP's own), and SDKs of
 * services spoken to over HTTP, each with the failures that service is known for.
 */
import type { CatalogEntry } from '../types.js';

const HTTP_HIDES = [
  'response shape changes: renamed, missing or newly nullable fields',
  'error statuses and error bodies (4xx/5xx) the code must map or retry',
  'rate limiting (429 with Retry-After) and retry behaviour',
  'timeouts, connection resets, DNS failures and TLS errors',
  'authentication headers, token expiry and redirects that drop them',
];
const HTTP_ALTERNATIVE =
  'a contract test (Pact) or recorded real responses kept in sync with the provider; for your own services, run the real service';

/**
 * Angular's testing backend (HttpClientTestingModule, provideHttpClientTesting) replaces only the
 * backend: interceptors, serialisation and HttpClient's own error mapping still run. What it hides
 * is the server, whose answers the test writes itself with `req.flush(…)`.
 */
export const ANGULAR_TESTING_BACKEND = {
  hides: [
    "the real API's responses: the test flushes the body it expects, so renamed, missing or newly nullable fields pass",
    'error statuses, error bodies and network failures the test does not flush itself',
    'cookies, credentials and CORS that the browser applies to a real request',
  ],
  alternative:
    'keep HttpTestingController for unit tests; in an integration or e2e test, let HttpClient reach the real API (or a stub server generated from its contract), plus a contract test (Pact) between the app and the API',
};

const RECORDED_AI =
  'recorded real responses replayed at the HTTP layer (Polly.js or nock recordings), refreshed on SDK upgrades, plus a live smoke test in a scheduled job';

const GENERIC_CLIENTS: [match: string, system: string][] = [
  ['axios', 'HTTP API via axios'],
  ['node-fetch', 'HTTP API via fetch'],
  ['cross-fetch', 'HTTP API via fetch'],
  ['isomorphic-fetch', 'HTTP API via fetch'],
  ['got', 'HTTP API via got'],
  ['undici', 'HTTP API via undici'],
  ['ky', 'HTTP API via ky'],
  ['superagent', 'HTTP API via superagent'],
  ['request', 'HTTP API via request'],
  ['request-promise', 'HTTP API via request-promise'],
  ['request-promise-native', 'HTTP API via request-promise'],
  ['needle', 'HTTP API via needle'],
  ['wretch', 'HTTP API via wretch'],
  ['ofetch', 'HTTP API via ofetch'],
  ['http', 'HTTP (Node http module)'],
  ['https', 'HTTPS (Node https module)'],
];

export const http: CatalogEntry[] = [
  ...GENERIC_CLIENTS.map(([match, system]): CatalogEntry => ({ match, kind: 'http', system, hides: HTTP_HIDES, alternative: HTTP_ALTERNATIVE })),
  { match: 'fetch', kind: 'http', system: 'HTTP API via global fetch', hides: HTTP_HIDES, alternative: HTTP_ALTERNATIVE },
  {
    match: 'http2',
    kind: 'http',
    system: 'HTTP/2 (Node http2 module)',
    hides: [
      'stream resets (RST_STREAM) and GOAWAY frames from the server',
      'session reuse and closed-session errors (ERR_HTTP2_INVALID_SESSION)',
      'TLS and ALPN negotiation against the real endpoint',
    ],
    alternative: 'a real HTTP/2 server on an ephemeral port in the test (http2.createSecureServer with a test certificate)',
  },
  {
    match: '@nestjs/axios',
    kind: 'http',
    system: 'HTTP API via NestJS HttpService',
    hides: [
      'AxiosError surfacing inside the Observable and how catchError maps it',
      'firstValueFrom/lastValueFrom rejecting on an empty or errored stream',
      ...HTTP_HIDES.slice(0, 3),
    ],
    alternative: HTTP_ALTERNATIVE,
  },
  {
    match: '@angular/common/http',
    kind: 'http',
    system: 'HTTP API via Angular HttpClient',
    hides: [
      'HttpErrorResponse for network errors (status 0) and server errors',
      'interceptors for auth headers, retries and error mapping that a stub bypasses',
      ...HTTP_HIDES.slice(0, 2),
    ],
    alternative: 'HttpTestingController for the component, plus a contract test (Pact) between the app and the API',
  },
  {
    match: 'graphql-request',
    kind: 'http',
    system: 'GraphQL API via graphql-request',
    hides: [
      'GraphQL errors returned with HTTP 200 next to partial data',
      'queries that no longer validate against the server schema',
      'nullability changes in the schema that break the response type',
    ],
    alternative: 'a contract test (Pact) or recorded responses, with the queries validated against the real schema in CI',
  },
  {
    match: '@apollo/client',
    kind: 'http',
    system: 'GraphQL API via Apollo Client',
    hides: [
      'GraphQL errors with HTTP 200 and the errorPolicy deciding whether data survives',
      'cache normalisation merging objects by id and typename',
      'queries that no longer validate against the server schema',
    ],
    alternative: 'MockedProvider only for component tests; a contract test (Pact) or the real API server for integration',
  },
  {
    match: 'ws',
    kind: 'http',
    system: 'WebSocket peer (ws)',
    hides: [
      'the opening handshake: rejected upgrades, subprotocols, auth on the upgrade request',
      'close codes and abrupt disconnects, and the reconnect logic they trigger',
      'message framing, binary versus text frames, and backpressure on send',
    ],
    alternative: 'a real WebSocketServer on an ephemeral port in the test',
  },
  {
    match: 'socket.io-client',
    kind: 'http',
    system: 'Socket.IO server',
    hides: [
      'connection errors from middleware on the server (connect_error)',
      'acknowledgement timeouts and events lost while disconnected',
      'namespace and room routing on the real server',
    ],
    alternative: 'the real Socket.IO server listening on an ephemeral port in the test',
  },

  // Payments
  {
    match: 'stripe',
    kind: 'http',
    system: 'Stripe API',
    hides: [
      'idempotency: a reused Idempotency-Key with different parameters is rejected, a retried one replays the first result',
      'card errors with decline codes (card_declined, insufficient_funds) and 3-D Secure requires_action flows',
      'webhook signature verification (constructEvent) and events arriving out of order or twice',
      'object shapes that change with the pinned API version',
      'amounts in the smallest currency unit, and zero-decimal currencies such as JPY',
    ],
    alternative: "stripe-mock (Stripe's own fake server) for request validation, Stripe test mode with test cards in a scheduled job, and webhook tests with payloads signed by the test secret",
  },
  {
    match: '@paypal/paypal-server-sdk',
    kind: 'http',
    system: 'PayPal API',
    hides: [
      'the order lifecycle: capture before approval fails with UNPROCESSABLE_ENTITY (ORDER_NOT_APPROVED)',
      'declined funding (INSTRUMENT_DECLINED) that must send the buyer back to approve again',
      'OAuth access tokens expiring during a long-running process',
      'duplicate captures when the PayPal-Request-Id header is not reused on retry',
    ],
    alternative: 'the PayPal sandbox with sandbox accounts, exercised in a scheduled job, plus recorded responses for CI',
  },
  {
    match: '@paypal/checkout-server-sdk',
    kind: 'http',
    system: 'PayPal API',
    hides: [
      'the order lifecycle: capture before approval fails with UNPROCESSABLE_ENTITY',
      'declined funding (INSTRUMENT_DECLINED) that needs a new approval',
      'OAuth access tokens expiring during a long-running process',
    ],
    alternative: 'the PayPal sandbox with sandbox accounts, exercised in a scheduled job, plus recorded responses for CI',
  },
  {
    match: 'braintree',
    kind: 'http',
    system: 'Braintree API',
    hides: [
      'processor declines (2000-range response codes) and gateway rejections for CVV, AVS or fraud rules',
      'result objects with success: false instead of thrown errors',
      'settlement status that changes only after the transaction is submitted',
      'webhook notifications that must be parsed and verified with the real keys',
    ],
    alternative: 'the Braintree sandbox with test nonces (fake-valid-nonce) and test card numbers, in a scheduled job',
  },
  {
    match: '@adyen/api-library',
    kind: 'http',
    system: 'Adyen API',
    hides: [
      'resultCode values other than Authorised: Refused with a refusalReason, RedirectShopper, ChallengeShopper',
      'HMAC signatures on webhook notifications that must verify',
      'amounts in minor units per currency, and validation errors (422) on missing fields',
      'idempotency keys on retried payment requests',
    ],
    alternative: 'the Adyen test environment with test cards in a scheduled job, and webhook tests with payloads signed by a test HMAC key',
  },
  {
    match: 'square',
    kind: 'http',
    system: 'Square API',
    hides: [
      'idempotency_key required on payments, with reuse rules',
      'errors arrays with category and code (GENERIC_DECLINE, CVV_FAILURE) instead of a single message',
      'location ids and API version headers that differ between sandbox and production',
    ],
    alternative: 'the Square sandbox with its test card values, in a scheduled job, plus recorded responses',
  },
  {
    match: '@mollie/api-client',
    kind: 'http',
    system: 'Mollie API',
    hides: [
      'amounts sent as strings with the exact decimals of the currency ("10.00" for EUR)',
      'webhooks that carry only an id, so the real status must be fetched',
      'payment status transitions (open, paid, failed, expired, canceled)',
    ],
    alternative: 'a Mollie test-mode API key (test_…) in a contract test, with recorded responses for CI',
  },
  {
    match: 'razorpay',
    kind: 'http',
    system: 'Razorpay API',
    hides: [
      'amounts in the smallest unit (paise) and currency rules',
      'payment signature verification over order_id|payment_id',
      'webhook signature checks and events delivered more than once',
    ],
    alternative: 'Razorpay test-mode keys in a contract test, with webhook payloads signed by the test secret',
  },
  {
    match: 'plaid',
    kind: 'http',
    system: 'Plaid API',
    hides: [
      'item errors such as ITEM_LOGIN_REQUIRED that need the user to re-link',
      'the link-token, public-token and access-token exchange flow',
      'cursor-based /transactions/sync updates and webhooks that announce them',
    ],
    alternative: 'the Plaid sandbox with its test credentials (user_good / pass_good), in a scheduled job',
  },
  {
    match: '@paddle/paddle-node-sdk',
    kind: 'http',
    system: 'Paddle Billing API',
    hides: [
      'webhook signature verification of the Paddle-Signature header',
      'subscription status changes (past_due, paused, canceled) arriving as events',
      'price and product ids that differ between sandbox and live',
    ],
    alternative: 'the Paddle sandbox environment in a scheduled job, with signed webhook payloads in CI',
  },

  // Messaging
  {
    match: 'twilio',
    kind: 'http',
    system: 'Twilio API',
    hides: [
      'invalid or unreachable numbers (error 21211) and unverified recipients on trial accounts (21608)',
      'recipients who replied STOP (21610) and carrier filtering',
      'asynchronous status callbacks (queued, sent, delivered, undelivered) and their order',
      'webhook request validation with X-Twilio-Signature',
    ],
    alternative: 'Twilio test credentials with its magic phone numbers in a contract test, plus recorded responses',
  },
  {
    match: '@vonage/*',
    kind: 'http',
    system: 'Vonage API',
    hides: [
      'per-message status codes in a successful HTTP response (throttled, invalid number, partner quota)',
      'delivery receipts arriving later through a webhook',
      'JWT application auth versus key/secret auth per API',
    ],
    alternative: 'the Vonage Messages API sandbox in a scheduled job, plus recorded responses for CI',
  },
  {
    match: 'plivo',
    kind: 'http',
    system: 'Plivo API',
    hides: [
      'invalid destination numbers and sender id rules per country',
      'message state callbacks (queued, sent, delivered, failed)',
      'webhook signature validation (X-Plivo-Signature-V3)',
    ],
    alternative: 'recorded Plivo responses kept in sync, with a live smoke test in a scheduled job',
  },
  {
    match: '@slack/web-api',
    kind: 'http',
    system: 'Slack Web API',
    hides: [
      'ok:false errors with HTTP 200 (channel_not_found, not_in_channel, invalid_auth)',
      'per-method rate limit tiers and Retry-After',
      'Block Kit validation errors (invalid_blocks) for malformed messages',
      'token scopes missing for a method (missing_scope)',
    ],
    alternative: 'recorded Slack responses kept in sync, and a test workspace exercised in a scheduled job',
  },
  {
    match: '@slack/bolt',
    kind: 'http',
    system: 'Slack app (Bolt)',
    hides: [
      'request signature verification with the signing secret and the five-minute timestamp window',
      'the three-second deadline to ack commands, actions and events',
      'event retries (X-Slack-Retry-Num) that run the handler twice',
    ],
    alternative: 'the real Bolt app receiving requests signed with a test signing secret, with recorded Web API responses',
  },
  {
    match: '@slack/webhook',
    kind: 'http',
    system: 'Slack incoming webhook',
    hides: [
      'plain-text error bodies (invalid_payload, no_text, channel_is_archived) instead of JSON',
      'revoked webhook URLs answering 404 or 410',
      'rate limiting of about one message per second per webhook',
    ],
    alternative: 'a local HTTP server on an ephemeral port standing in for the webhook URL, with assertions on the received payload',
  },
  {
    match: 'discord.js',
    kind: 'http',
    system: 'Discord API',
    hides: [
      'gateway intents: privileged intents refused, or empty message content without MessageContent',
      'per-route rate limits (429 with retry_after)',
      'Missing Permissions (50013) in the real guild and channel',
      'the three-second window to answer an interaction (Unknown interaction, 10062)',
    ],
    alternative: 'a test guild and bot token exercised in a scheduled job, with recorded REST responses in CI',
  },
  {
    match: 'telegraf',
    kind: 'http',
    system: 'Telegram Bot API',
    hides: [
      'message formatting errors (can\'t parse entities) for MarkdownV2 and HTML',
      'the 4,096-character message limit',
      '429 Too Many Requests with retry_after, and "chat not found" for unknown chats',
    ],
    alternative: 'a test bot and chat exercised in a scheduled job, with recorded Bot API responses in CI',
  },
  {
    match: 'node-telegram-bot-api',
    kind: 'http',
    system: 'Telegram Bot API',
    hides: [
      'message formatting errors (can\'t parse entities) for MarkdownV2 and HTML',
      'the 4,096-character message limit',
      '429 Too Many Requests with retry_after, and "chat not found" for unknown chats',
    ],
    alternative: 'a test bot and chat exercised in a scheduled job, with recorded Bot API responses in CI',
  },
  {
    match: 'pusher',
    kind: 'http',
    system: 'Pusher Channels API',
    hides: [
      'private and presence channel auth signatures',
      'the event payload size limit (10 KB by default)',
      'batch trigger limits and rate limiting',
    ],
    alternative: 'recorded Pusher responses kept in sync, with channel auth checked against the real library and a test app key',
  },
  {
    match: 'ably',
    kind: 'http',
    system: 'Ably realtime API',
    hides: [
      'token auth: capabilities that forbid a channel, and token expiry',
      'connection state changes (suspended, failed) and message continuity after reconnect',
      'message size limits and rate limits per channel',
    ],
    alternative: 'an Ably sandbox app exercised in a scheduled job, with recorded REST responses in CI',
  },

  // AI APIs
  {
    match: 'openai',
    kind: 'http',
    system: 'OpenAI API',
    hides: [
      'rate limits on requests and tokens per minute (RateLimitError, 429)',
      'context length errors when the prompt and max tokens exceed the model window',
      'streamed chunks: deltas, tool-call arguments split across chunks, finish_reason values',
      'tool-call arguments that are not valid JSON for your schema, and refusals',
      'model retirement and parameter changes between models',
    ],
    alternative: RECORDED_AI,
  },
  {
    match: '@anthropic-ai/sdk',
    kind: 'http',
    system: 'Anthropic API',
    hides: [
      'rate limit (429) and overloaded (529) errors',
      'stop_reason max_tokens truncating the answer mid-sentence or mid-tool-call',
      'streaming event sequence (message_start, content_block_delta, message_stop)',
      'tool_use blocks whose input does not match your schema',
    ],
    alternative: RECORDED_AI,
  },
  {
    match: '@google/genai',
    kind: 'http',
    system: 'Google Gemini API',
    hides: [
      'safety blocks: finishReason SAFETY or a promptFeedback blockReason with no text',
      'quota errors (RESOURCE_EXHAUSTED, 429)',
      'response candidates and parts shapes, including function calls',
      'differences between the Gemini API and Vertex AI endpoints',
    ],
    alternative: RECORDED_AI,
  },
  {
    match: '@google/generative-ai',
    kind: 'http',
    system: 'Google Gemini API',
    hides: [
      'safety blocks: finishReason SAFETY with no text returned',
      'quota errors (RESOURCE_EXHAUSTED, 429)',
      'response candidates and parts shapes, including function calls',
    ],
    alternative: RECORDED_AI,
  },
  {
    match: 'cohere-ai',
    kind: 'http',
    system: 'Cohere API',
    hides: [
      'strict rate limits on trial keys (429)',
      'response shapes of chat, embed and rerank, and embedding types requested',
      'input token limits per model',
    ],
    alternative: RECORDED_AI,
  },
  {
    match: '@mistralai/mistralai',
    kind: 'http',
    system: 'Mistral AI API',
    hides: [
      'rate limits (429) per workspace',
      'context length errors for long prompts',
      'tool-call and JSON-mode output that does not match your schema',
    ],
    alternative: RECORDED_AI,
  },
  {
    match: 'groq-sdk',
    kind: 'http',
    system: 'Groq API',
    hides: [
      'tokens-per-minute rate limits (429) hit quickly on bursts',
      'decommissioned models returning errors',
      'tool-call output that does not match your schema',
    ],
    alternative: RECORDED_AI,
  },
  {
    match: 'replicate',
    kind: 'http',
    system: 'Replicate API',
    hides: [
      'asynchronous predictions (starting, processing, succeeded, failed, canceled) and polling or webhooks',
      'cold boots making the first prediction slow enough to time out',
      'model version pins and output shapes that differ per model',
    ],
    alternative: RECORDED_AI,
  },
  {
    match: '@huggingface/inference',
    kind: 'http',
    system: 'Hugging Face Inference API',
    hides: [
      'models still loading (503) and rate limits on the free tier',
      'output shapes that differ per task and per model',
      'inference providers that do not serve the requested model',
    ],
    alternative: RECORDED_AI,
  },
  {
    match: 'ai',
    kind: 'http',
    system: 'LLM provider via the Vercel AI SDK',
    hides: [
      'provider errors wrapped as APICallError, and retries (maxRetries) that hide or repeat them',
      'structured output and tool inputs that fail schema validation',
      'the streaming protocol between the server route and the client hooks',
    ],
    alternative: `the SDK's own MockLanguageModel for unit tests; for integration, ${RECORDED_AI}`,
  },
  {
    match: '@ai-sdk/*',
    kind: 'http',
    system: 'LLM provider via the Vercel AI SDK',
    hides: [
      'provider-specific errors and rate limits (APICallError)',
      'provider options and model ids the real API rejects',
      'streamed parts and tool calls as the provider sends them',
    ],
    alternative: RECORDED_AI,
  },
  {
    match: '@langchain/*',
    kind: 'http',
    system: 'LLM provider via LangChain',
    hides: [
      'output parsers failing on real model output (OutputParserException)',
      'provider errors and rate limits surfacing through the chain',
      'tool and structured-output schemas the model does not follow',
    ],
    alternative: `LangChain's fake chat models for unit tests; for integration, ${RECORDED_AI}`,
  },
  {
    match: 'ollama',
    kind: 'http',
    system: 'Ollama',
    hides: [
      'a model that is not pulled (404 model not found)',
      'slow first requests while the model loads into memory',
      'output format and context size of the real model',
    ],
    alternative: 'Ollama in a container (@testcontainers/ollama) with a small model pulled once and cached',
  },

  // Developer platforms and collaboration
  {
    match: '@octokit/*',
    kind: 'http',
    system: 'GitHub API',
    hides: [
      'pagination through Link headers, and results cut off at the first page',
      'primary and secondary rate limits (403/429 with Retry-After)',
      '404 instead of 403 for resources the token cannot see',
      'response shapes that change with X-GitHub-Api-Version',
    ],
    alternative: 'recorded GitHub responses kept in sync, and a test organisation exercised in a scheduled job',
  },
  {
    match: 'octokit',
    kind: 'http',
    system: 'GitHub API',
    hides: [
      'pagination through Link headers, and results cut off at the first page',
      'primary and secondary rate limits (403/429 with Retry-After)',
      '404 instead of 403 for resources the token cannot see',
      'webhook signature verification for GitHub App events',
    ],
    alternative: 'recorded GitHub responses kept in sync, and a test organisation exercised in a scheduled job',
  },
  {
    match: '@gitbeaker/*',
    kind: 'http',
    system: 'GitLab API',
    hides: [
      'offset and keyset pagination, and results cut off at the first page',
      '404 for resources the token cannot see',
      'rate limits on GitLab.com and differences on self-managed versions',
    ],
    alternative: 'GitLab CE in a container (gitlab/gitlab-ce image) in a nightly job, or recorded responses kept in sync',
  },
  {
    match: '@shopify/shopify-api',
    kind: 'http',
    system: 'Shopify Admin API',
    hides: [
      'userErrors in mutation payloads returned with HTTP 200',
      'GraphQL cost-based throttling (THROTTLED) and REST leaky-bucket limits',
      'quarterly API versions retiring fields',
      'webhook HMAC verification (X-Shopify-Hmac-Sha256)',
    ],
    alternative: 'a Shopify development store exercised in a scheduled job, with recorded responses in CI',
  },
  {
    match: '@shopify/admin-api-client',
    kind: 'http',
    system: 'Shopify Admin API',
    hides: [
      'userErrors in mutation payloads returned with HTTP 200',
      'GraphQL cost-based throttling (THROTTLED)',
      'quarterly API versions retiring fields',
    ],
    alternative: 'a Shopify development store exercised in a scheduled job, with recorded responses in CI',
  },
  {
    match: 'jsforce',
    kind: 'http',
    system: 'Salesforce API',
    hides: [
      'SOQL errors (MALFORMED_QUERY, INVALID_FIELD) against the real org schema',
      'expired sessions (INVALID_SESSION_ID) and refresh',
      'API request limits (REQUEST_LIMIT_EXCEEDED) and field-level security hiding fields',
      'asynchronous Bulk API jobs and their per-record failures',
    ],
    alternative: 'a Salesforce scratch org or developer sandbox exercised in a scheduled job, with recorded responses in CI',
  },
  {
    match: '@hubspot/api-client',
    kind: 'http',
    system: 'HubSpot API',
    hides: [
      'burst rate limits (429) per ten-second window',
      'properties that do not exist in the portal (PROPERTY_DOESNT_EXIST)',
      'cursor pagination (after) and search result limits',
    ],
    alternative: 'a HubSpot developer test account exercised in a scheduled job, with recorded responses in CI',
  },
  {
    match: 'algoliasearch',
    kind: 'http',
    system: 'Algolia',
    hides: [
      'asynchronous indexing: records are searchable only after the task is published (waitForTask)',
      'index settings (searchableAttributes, ranking, facets) shaping real results',
      'record size limits and API key ACL restrictions',
    ],
    alternative: 'a dedicated test index per run, waiting on each task, exercised in a scheduled job; recorded responses in CI',
  },
  {
    match: '@notionhq/client',
    kind: 'http',
    system: 'Notion API',
    hides: [
      'object_not_found (404) for pages not shared with the integration',
      'rich text and block structures that differ from the simplified fixture',
      'cursor pagination (has_more, next_cursor) and about three requests a second',
    ],
    alternative: 'a test workspace exercised in a scheduled job, with recorded responses in CI',
  },
  {
    match: '@linear/sdk',
    kind: 'http',
    system: 'Linear API',
    hides: [
      'GraphQL complexity and request rate limits',
      'lazy relations that issue further requests when awaited',
      'workflow states and team ids that differ per workspace',
    ],
    alternative: 'a test workspace exercised in a scheduled job, with recorded responses in CI',
  },
  {
    match: 'jira.js',
    kind: 'http',
    system: 'Jira API',
    hides: [
      'JQL errors against the real instance',
      'custom field ids (customfield_…) and transition ids that differ per instance and workflow',
      'Atlassian Document Format required for rich text in API v3',
    ],
    alternative: 'a test Jira Cloud site exercised in a scheduled job, with recorded responses in CI',
  },
  {
    match: 'contentful',
    kind: 'http',
    system: 'Contentful Delivery API',
    hides: [
      'linked entries resolved only to the include depth, leaving unresolved links',
      'locale fallbacks and missing fields in unpublished or partly translated entries',
      'content model changes that rename or remove fields',
    ],
    alternative: 'a test environment in the Contentful space, exercised in a scheduled job, with recorded responses in CI',
  },
  {
    match: 'contentful-management',
    kind: 'http',
    system: 'Contentful Management API',
    hides: [
      'version conflicts (409) when updating an entry with a stale version',
      'validation errors from the content model on publish',
      'rate limits of the management API',
    ],
    alternative: 'a sandbox environment in the Contentful space, exercised in a scheduled job',
  },
  {
    match: '@sanity/client',
    kind: 'http',
    system: 'Sanity Content Lake',
    hides: [
      'GROQ queries evaluated by the real dataset',
      'stale reads through the CDN (useCdn) right after a mutation',
      'token permissions and private datasets',
    ],
    alternative: 'a dedicated test dataset exercised in a scheduled job, with recorded responses in CI',
  },
  {
    match: '@microsoft/microsoft-graph-client',
    kind: 'http',
    system: 'Microsoft Graph API',
    hides: [
      'throttling (429 with Retry-After) per app and per tenant',
      'paging through @odata.nextLink, and results cut off at the first page',
      'missing admin consent or permissions (403 Authorization_RequestDenied)',
      'delta queries and their tokens expiring',
    ],
    alternative: 'a dedicated test tenant exercised in a scheduled job, with recorded Graph responses in CI',
  },
  {
    match: 'googleapis',
    kind: 'http',
    system: 'Google APIs (googleapis)',
    hides: [
      'quota and rate errors (403 rateLimitExceeded, 429)',
      'OAuth refresh failures (invalid_grant) when a refresh token is revoked',
      'paging with nextPageToken and partial responses from field masks',
    ],
    alternative: 'recorded responses kept in sync, and a test Google account or project exercised in a scheduled job',
  },
  {
    match: '@googlemaps/google-maps-services-js',
    kind: 'http',
    system: 'Google Maps Platform APIs',
    hides: [
      'status values such as ZERO_RESULTS, OVER_QUERY_LIMIT and REQUEST_DENIED',
      'API key restrictions rejecting the server\'s requests',
      'address components that vary by country',
    ],
    alternative: 'recorded Maps responses for representative addresses, refreshed in a scheduled job',
  },
  {
    match: '@launchdarkly/node-server-sdk',
    kind: 'http',
    system: 'LaunchDarkly',
    hides: [
      'evaluations returning fallback values before the client is initialised',
      'targeting rules and percentage rollouts evaluated by the real SDK',
      'flag keys renamed or archived in the project',
    ],
    alternative: 'the SDK\'s TestData data source: the real evaluation engine with flags defined by the test',
  },
  {
    match: 'posthog-node',
    kind: 'http',
    system: 'PostHog',
    hides: [
      'events queued in memory and lost when the process exits without shutdown()',
      'feature flag evaluation (local versus remote) and its fallbacks',
      'distinct id and property mapping as PostHog stores it',
    ],
    alternative: 'a local HTTP server on an ephemeral port as the PostHog host, asserting on the batches it receives',
  },
  {
    match: '@segment/analytics-node',
    kind: 'http',
    system: 'Segment',
    hides: [
      'batched events lost when the process exits without closeAndFlush()',
      'payload size limits per message and per batch',
      'identify and track calls that need a userId or anonymousId',
    ],
    alternative: 'a local HTTP server on an ephemeral port as the Segment host, asserting on the batches it receives',
  },
  {
    match: 'airtable',
    kind: 'http',
    system: 'Airtable API',
    hides: [
      'five requests per second per base (429 with a 30-second penalty)',
      'field names and types that differ from the fixture, and typecast',
      'pagination with offset over 100-record pages',
    ],
    alternative: 'a test base exercised in a scheduled job, with recorded responses in CI',
  },
  {
    match: 'dropbox',
    kind: 'http',
    system: 'Dropbox API',
    hides: [
      'path errors (path/not_found, path/conflict) returned as 409 with a tagged union body',
      'short-lived access tokens and refresh',
      'upload sessions required above the single-request size limit',
    ],
    alternative: 'a test Dropbox app folder exercised in a scheduled job, with recorded responses in CI',
  },
];
