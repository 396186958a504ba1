import type { FakeLibrary, HostEntry } from '../types.js';

/** Libraries whose purpose is to stand in for a real one. */
export const fakeLibraries: FakeLibrary[] = [
  { package: 'ioredis-mock', fakes: 'ioredis' },
  { package: 'redis-mock', fakes: 'redis' },
  { package: 'mock-fs', fakes: 'fs' },
  { package: 'memfs', fakes: 'fs' },
  { package: 'aws-sdk-client-mock', fakes: '@aws-sdk/client-*' },
  { package: 'aws-sdk-mock', fakes: 'aws-sdk' },
  { package: 'knex-mock-client', fakes: 'knex' },
  { package: 'mock-knex', fakes: 'knex' },
  { package: 'prismock', fakes: '@prisma/client' },
  { package: 'sequelize-mock', fakes: 'sequelize' },
  { package: 'nodemailer-mock', fakes: 'nodemailer' },
  { package: 'pg-mem', fakes: 'pg' },
  { package: 'axios-mock-adapter', fakes: 'axios' },
  { package: 'fetch-mock', fakes: 'fetch' },
  { package: 'jest-fetch-mock', fakes: 'fetch' },
  { package: 'vitest-fetch-mock', fakes: 'fetch' },
  { package: 'mockdate', fakes: 'Date' },
  { package: 'timekeeper', fakes: 'Date' },
];

/** Fake libraries that run the real engine: importing them is evidence of a real boundary, not a double. */
export const realEngineLibraries = new Set(['mongodb-memory-server', 'mongodb-memory-server-core']);

/** Well-known hosts, for network interception. Longest suffix wins. */
export const hosts: HostEntry[] = [
  { host: 'api.stripe.com', entry: 'stripe' },
  { host: 'api.github.com', entry: '@octokit/*' },
  { host: 'api.openai.com', entry: 'openai' },
  { host: 'api.anthropic.com', entry: '@anthropic-ai/sdk' },
  { host: 'api.twilio.com', entry: 'twilio' },
  { host: 'slack.com', entry: '@slack/web-api' },
  { host: 'api.sendgrid.com', entry: '@sendgrid/mail' },
  { host: 'amazonaws.com', entry: '@aws-sdk/client-*' },
  { host: 'googleapis.com', entry: '@google-cloud/*' },
];
