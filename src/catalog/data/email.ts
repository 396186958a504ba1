import type { CatalogEntry } from '../types.js';

export const email: CatalogEntry[] = [
  {
    match: 'nodemailer',
    kind: 'email',
    system: 'SMTP via Nodemailer',
    hides: ['SMTP rejections (bad recipient, auth failure, TLS errors)', 'template rendering into the real MIME message', 'header encoding and attachments'],
    alternative: 'a local SMTP catcher (Mailpit or MailHog in a container) and assertions on the delivered message',
  },
  {
    match: '@sendgrid/mail',
    kind: 'email',
    system: 'SendGrid API',
    hides: ['400 errors for invalid addresses or templates', 'dynamic template data mismatches', 'rate limits'],
    alternative: 'SendGrid sandbox mode in a contract test, or recorded responses kept in sync',
  },
  {
    match: 'postmark',
    kind: 'email',
    system: 'Postmark API',
    hides: ['inactive recipient and template errors', 'message stream configuration'],
    alternative: 'Postmark\'s test server token in a contract test',
  },
  {
    match: 'resend',
    kind: 'email',
    system: 'Resend API',
    hides: ['domain verification and validation errors', 'rate limits'],
    alternative: 'Resend test addresses in a contract test, or recorded responses',
  },
  {
    match: 'mailgun.js',
    kind: 'email',
    system: 'Mailgun API',
    hides: ['domain and recipient validation errors', 'rate limits'],
    alternative: 'Mailgun sandbox domain in a contract test, or recorded responses',
  },
];
