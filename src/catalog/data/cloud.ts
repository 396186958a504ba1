import type { CatalogEntry } from '../types.js';

export const cloud: CatalogEntry[] = [
  {
    match: '@aws-sdk/client-s3',
    kind: 'cloud',
    system: 'Amazon S3',
    hides: ['AccessDenied from IAM and bucket policies', 'NoSuchKey/NoSuchBucket errors and their shapes', 'object size limits and multipart upload rules', 'region and endpoint configuration'],
    alternative: 'LocalStack or MinIO in a container (@testcontainers/localstack), with the real bucket setup',
  },
  {
    match: '@aws-sdk/client-*',
    kind: 'cloud',
    system: 'AWS service',
    hides: ['IAM permission denials', 'service-specific validation and throttling errors', 'region and endpoint configuration', 'eventual consistency of the real service'],
    alternative: 'LocalStack in a container (@testcontainers/localstack), or a sandbox account exercised in a scheduled job',
  },
  {
    match: 'aws-sdk',
    kind: 'cloud',
    system: 'AWS (SDK v2)',
    hides: ['IAM permission denials', 'service validation and throttling errors', 'region and endpoint configuration', 'eventual consistency'],
    alternative: 'LocalStack in a container (@testcontainers/localstack)',
  },
  {
    match: '@google-cloud/storage',
    kind: 'cloud',
    system: 'Google Cloud Storage',
    hides: ['IAM permission errors', 'precondition (generation) failures', 'object size and resumable upload behaviour'],
    alternative: 'fake-gcs-server in a container, or a sandbox project in a scheduled job',
  },
  {
    match: '@google-cloud/*',
    kind: 'cloud',
    system: 'Google Cloud service',
    hides: ['IAM permission errors', 'quota and rate limits', 'service-specific validation errors'],
    alternative: 'the service\'s emulator where one exists, or a sandbox project exercised in a scheduled job',
  },
  {
    match: '@azure/storage-blob',
    kind: 'cloud',
    system: 'Azure Blob Storage',
    hides: ['authorisation failures (SAS, RBAC)', 'blob size limits and block upload rules', 'conditional request (ETag) failures'],
    alternative: 'Azurite in a container (@testcontainers/azurite)',
  },
  {
    match: '@azure/*',
    kind: 'cloud',
    system: 'Azure service',
    hides: ['authorisation failures', 'throttling', 'service-specific validation errors'],
    alternative: 'the service\'s emulator (Azurite, Cosmos DB emulator) or a sandbox subscription in a scheduled job',
  },
];
