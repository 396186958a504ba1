/** Email: SMTP and the HTTP APIs of mail providers, and the template layers that feed them. */
import type { CatalogEntry } from '../types.js';

const SMTP_CATCHER = 'a local SMTP catcher (Mailpit or MailHog in a container) and assertions on the delivered message';

const SES_HIDES = [
  'MessageRejected for unverified senders, and for any unverified recipient while the account is in the SES sandbox',
  'the maximum sending rate (Throttling: Maximum sending rate exceeded) and daily quota',
  'configuration sets and tags that must exist',
  'the raw MIME the real client builds for attachments and headers',
];
const SES_ALTERNATIVE = 'LocalStack in a container (@testcontainers/localstack), which records sent mail for the test to read back';

export const email: CatalogEntry[] = [
  {
    match: 'nodemailer',
    kind: 'email',
    system: 'SMTP via Nodemailer',
    hides: [
      'SMTP rejections: unknown recipients, authentication failures, TLS negotiation errors',
      'the real MIME message: encoded headers, multipart alternatives, attachments',
      'transport configuration (host, port, secure) that only fails when connecting',
      'envelope versus header addresses, and a from address the server refuses',
    ],
    alternative: SMTP_CATCHER,
  },
  {
    match: 'email-templates',
    kind: 'email',
    system: 'templated email via email-templates',
    hides: [
      'template rendering errors and missing locals',
      'CSS inlining (juice) and the text part generated from HTML',
      'the Nodemailer transport underneath rejecting the message',
    ],
    alternative: `real templates rendered and sent to ${SMTP_CATCHER}`,
  },
  {
    match: '@nestjs-modules/mailer',
    kind: 'email',
    system: 'SMTP via the NestJS mailer module',
    hides: [
      'template files missing from the build output, found only at send time',
      'template adapter errors (Handlebars, Pug, EJS) on real context data',
      'SMTP transport failures when connecting and sending',
    ],
    alternative: `MailerModule pointed at ${SMTP_CATCHER}`,
  },
  {
    match: '@sendgrid/mail',
    kind: 'email',
    system: 'SendGrid API',
    hides: [
      '400 errors listing invalid addresses, missing content or template ids',
      'a from address without a verified sender identity (403)',
      'dynamic template data that does not fill the template',
      '202 Accepted meaning queued, not delivered',
    ],
    alternative: 'SendGrid sandbox mode (mail_settings.sandbox_mode) in a contract test, with recorded responses in CI',
  },
  {
    match: '@sendgrid/client',
    kind: 'email',
    system: 'SendGrid API',
    hides: [
      'error bodies with an errors array per field',
      'API key permissions (403) per endpoint',
      'rate limits (429) and paging of list endpoints',
    ],
    alternative: 'recorded SendGrid responses kept in sync, with a live smoke test in a scheduled job',
  },
  {
    match: 'postmark',
    kind: 'email',
    system: 'Postmark API',
    hides: [
      'inactive recipients (ErrorCode 406) after bounces or spam complaints',
      'unconfirmed sender signatures and invalid email requests (300)',
      'message streams: transactional versus broadcast',
    ],
    alternative: "Postmark's test server token (POSTMARK_API_TEST) in a contract test, which validates without sending",
  },
  {
    match: 'resend',
    kind: 'email',
    system: 'Resend API',
    hides: [
      'unverified sending domains (validation_error, 403)',
      'errors returned as { error } instead of thrown',
      'the default rate limit of a few requests per second',
    ],
    alternative: "Resend's test addresses (delivered@resend.dev, bounced@resend.dev) in a contract test",
  },
  {
    match: 'mailgun.js',
    kind: 'email',
    system: 'Mailgun API',
    hides: [
      'sandbox domains accepting only authorised recipients',
      'the EU region needing its own base URL (api.eu.mailgun.net)',
      'from addresses outside the sending domain',
    ],
    alternative: 'Mailgun test mode (o:testmode) on a sandbox domain in a contract test',
  },
  {
    match: 'mailgun-js',
    kind: 'email',
    system: 'Mailgun API',
    hides: [
      'sandbox domains accepting only authorised recipients',
      'the EU region needing its own base URL',
      'from addresses outside the sending domain',
    ],
    alternative: 'Mailgun test mode (o:testmode) on a sandbox domain in a contract test',
  },
  { match: '@aws-sdk/client-ses', kind: 'email', system: 'Amazon SES', hides: SES_HIDES, alternative: SES_ALTERNATIVE },
  { match: '@aws-sdk/client-sesv2', kind: 'email', system: 'Amazon SES', hides: SES_HIDES, alternative: SES_ALTERNATIVE },
  { match: 'aws-sdk/clients/ses', kind: 'email', system: 'Amazon SES (SDK v2)', hides: SES_HIDES, alternative: SES_ALTERNATIVE },
  {
    match: '@mailchimp/mailchimp_transactional',
    kind: 'email',
    system: 'Mailchimp Transactional (Mandrill)',
    hides: [
      'recipients reported as rejected with a reject_reason in a successful response',
      'queued or scheduled status instead of sent',
      'template names and merge variables the real template does not use',
    ],
    alternative: 'a Mandrill test API key in a contract test, which accepts messages without delivering them',
  },
  {
    match: '@mailchimp/mailchimp_marketing',
    kind: 'email',
    system: 'Mailchimp Marketing API',
    hides: [
      'members rejected as "Member Exists" or "Forgotten Email Not Subscribed"',
      'merge field tags required by the audience',
      'the subscriber hash (MD5 of the lower-cased address) used in member URLs',
    ],
    alternative: 'a test audience exercised in a scheduled job, with recorded responses in CI',
  },
  {
    match: '@getbrevo/brevo',
    kind: 'email',
    system: 'Brevo API',
    hides: [
      'unverified senders and invalid recipients (400)',
      'template ids and params that do not match the template',
      'rate limits per plan',
    ],
    alternative: 'Brevo sandbox mode (the X-Sib-Sandbox: drop header) in a contract test, which validates without sending',
  },
  {
    match: 'node-mailjet',
    kind: 'email',
    system: 'Mailjet API',
    hides: [
      'per-message status and errors inside a successful Send API v3.1 response',
      'unvalidated sender addresses',
      'template language errors reported only by the real renderer',
    ],
    alternative: 'Mailjet Send API v3.1 with SandboxMode: true in a contract test, which validates without sending',
  },
  {
    match: 'mailersend',
    kind: 'email',
    system: 'MailerSend API',
    hides: [
      'unverified sending domains and 422 validation errors per field',
      'rate limits and the daily quota of the plan',
      'template variables that the real template ignores',
    ],
    alternative: 'recorded MailerSend responses kept in sync, with a live smoke test against a trial domain in a scheduled job',
  },
  {
    match: 'sparkpost',
    kind: 'email',
    system: 'SparkPost API',
    hides: [
      'sending domains that are not verified',
      'recipients on the suppression list',
      'substitution data that does not fill the stored template',
    ],
    alternative: "SparkPost's sink domain (.sink.sparkpostmail.com) in a contract test, which accepts mail without delivering it",
  },
];
