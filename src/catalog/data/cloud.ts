/**
 * Cloud services reached through vendor SDKs: storage, secrets, functions, and the catch-all
 * scopes for each vendor. Services with a sharper kind (DynamoDB, SQS, SES, Cognito…) live there.
 */
import type { CatalogEntry } from '../types.js';

const AWS_HIDES = [
  'IAM denials (AccessDenied, not authorized to perform) for the role the code really runs as',
  'service validation errors and throttling (ThrottlingException, TooManyRequestsException)',
  'region, endpoint and credential configuration that only a real client resolves',
  'eventual consistency of resources created or changed just before use',
];
const AWS_ALTERNATIVE = 'LocalStack in a container (@testcontainers/localstack), or a sandbox account exercised in a scheduled job';

const S3_HIDES = [
  'AccessDenied from IAM, bucket policies and KMS key policies',
  'NoSuchKey and NoSuchBucket errors and their shapes',
  'conditional writes failing (PreconditionFailed) and eventual consistency of bucket-level settings',
  'multipart rules: parts of at least 5 MB, incomplete uploads left behind',
  'path-style versus virtual-hosted addressing and region redirects',
];
const S3_ALTERNATIVE =
  'LocalStack or MinIO in a container (@testcontainers/localstack or @testcontainers/minio), with the real bucket setup';

const GOOGLE_ALTERNATIVE = "the service's emulator where one exists (@testcontainers/gcloud), or a sandbox project exercised in a scheduled job";

export const cloud: CatalogEntry[] = [
  // AWS SDK v3
  { match: '@aws-sdk/client-s3', kind: 'cloud', system: 'Amazon S3', hides: S3_HIDES, alternative: S3_ALTERNATIVE },
  {
    match: '@aws-sdk/lib-storage',
    kind: 'cloud',
    system: 'Amazon S3 (multipart Upload)',
    hides: [
      'part size rules (at least 5 MB except the last) and the part count limit',
      'a failed upload leaving parts behind unless it is aborted',
      'stream bodies of unknown length and the progress events they produce',
    ],
    alternative: S3_ALTERNATIVE,
  },
  {
    match: '@aws-sdk/s3-request-presigner',
    kind: 'cloud',
    system: 'Amazon S3 (presigned URLs)',
    hides: [
      'SignatureDoesNotMatch when the client sends other headers or content type than were signed',
      'URL expiry, and signatures bound to the region and endpoint',
      'presigned URLs that stop working when the signing credentials expire',
    ],
    alternative: `${S3_ALTERNATIVE}, uploading through the presigned URL with a real HTTP request`,
  },
  {
    match: '@aws-sdk/client-lambda',
    kind: 'cloud',
    system: 'AWS Lambda',
    hides: [
      'function errors reported with HTTP 200 and a FunctionError field, not thrown',
      'throttling (TooManyRequestsException) and concurrency limits',
      'payload size limits for synchronous and asynchronous invocations',
      'timeouts and cold starts of the real function',
    ],
    alternative: 'LocalStack in a container (@testcontainers/localstack) running the real function code',
  },
  {
    match: '@aws-sdk/client-secrets-manager',
    kind: 'cloud',
    system: 'AWS Secrets Manager',
    hides: [
      'ResourceNotFoundException for a wrong name or ARN, and AccessDeniedException from IAM or the KMS key',
      'rotation: AWSCURRENT and AWSPENDING versions changing under a cached value',
      'SecretString versus SecretBinary, and JSON secrets that do not parse',
    ],
    alternative: AWS_ALTERNATIVE,
  },
  {
    match: '@aws-sdk/client-ssm',
    kind: 'cloud',
    system: 'AWS Systems Manager Parameter Store',
    hides: [
      'ParameterNotFound for a wrong path, and SecureString values returned encrypted without WithDecryption',
      'GetParametersByPath paging and recursive lookups',
      'throttling at high request rates',
    ],
    alternative: AWS_ALTERNATIVE,
  },
  {
    match: '@aws-sdk/client-kms',
    kind: 'cloud',
    system: 'AWS KMS',
    hides: [
      'key policy denials and disabled keys (DisabledException)',
      'InvalidCiphertextException when the encryption context differs',
      'the plaintext size limit of Encrypt, which forces envelope encryption',
    ],
    alternative: AWS_ALTERNATIVE,
  },
  {
    match: '@aws-sdk/client-sts',
    kind: 'cloud',
    system: 'AWS STS',
    hides: [
      'AssumeRole denied by the role\'s trust policy',
      'session duration limits and ExpiredToken during long jobs',
      'the identity GetCallerIdentity really returns in each environment',
    ],
    alternative: AWS_ALTERNATIVE,
  },
  {
    match: '@aws-sdk/client-sfn',
    kind: 'cloud',
    system: 'AWS Step Functions',
    hides: [
      'ExecutionAlreadyExists for a reused execution name',
      'state machine definitions that fail at runtime (States.Runtime, missing paths)',
      'asynchronous executions the caller must poll or be notified about',
    ],
    alternative: 'LocalStack or AWS Step Functions Local in a container, running the real state machine definition',
  },
  {
    match: '@aws-sdk/client-bedrock-runtime',
    kind: 'cloud',
    system: 'Amazon Bedrock',
    hides: [
      'AccessDeniedException until model access is granted in the account and region',
      'ThrottlingException on token and request quotas',
      'model-specific request and response bodies (ValidationException), and streamed event shapes',
    ],
    alternative: 'recorded Bedrock responses replayed at the HTTP layer, with a live smoke test in a sandbox account in a scheduled job',
  },
  {
    match: '@aws-sdk/client-cloudwatch-logs',
    kind: 'cloud',
    system: 'Amazon CloudWatch Logs',
    hides: [
      'ResourceNotFoundException for log groups or streams that do not exist yet',
      'batch limits on PutLogEvents and events rejected as too old or too new',
      'Logs Insights queries that run asynchronously',
    ],
    alternative: AWS_ALTERNATIVE,
  },
  { match: '@aws-sdk/client-*', kind: 'cloud', system: 'AWS service', hides: AWS_HIDES, alternative: AWS_ALTERNATIVE },
  {
    match: '@aws-sdk/*',
    kind: 'cloud',
    system: 'AWS SDK',
    hides: [
      'credential resolution (profiles, SSO, web identity, instance metadata) failing outside a developer machine',
      'region and endpoint configuration that only a real client resolves',
      'retries and timeouts of the real middleware stack',
    ],
    alternative: AWS_ALTERNATIVE,
  },

  // AWS SDK v2
  { match: 'aws-sdk', kind: 'cloud', system: 'AWS (SDK v2)', hides: AWS_HIDES, alternative: AWS_ALTERNATIVE },
  { match: 'aws-sdk/clients/s3', kind: 'cloud', system: 'Amazon S3 (SDK v2)', hides: S3_HIDES, alternative: S3_ALTERNATIVE },
  {
    match: 'aws-sdk/clients/lambda',
    kind: 'cloud',
    system: 'AWS Lambda (SDK v2)',
    hides: [
      'function errors reported with HTTP 200 and a FunctionError field, not thrown',
      'throttling and concurrency limits',
      'payload size limits and timeouts of the real function',
    ],
    alternative: 'LocalStack in a container (@testcontainers/localstack) running the real function code',
  },

  // Google Cloud
  {
    match: '@google-cloud/storage',
    kind: 'cloud',
    system: 'Google Cloud Storage',
    hides: [
      'IAM and uniform bucket-level access errors (403)',
      'generation preconditions failing (412) on concurrent writes',
      'resumable upload behaviour and object size limits',
      'signed URL signing that needs a service account key or the IAM signBlob permission',
    ],
    alternative: 'fake-gcs-server in a container (or the Cloud Storage emulator in @testcontainers/gcloud), with the real bucket names',
  },
  {
    match: '@google-cloud/secret-manager',
    kind: 'cloud',
    system: 'Google Secret Manager',
    hides: [
      'NOT_FOUND for a wrong resource name or version, and PERMISSION_DENIED from IAM',
      'disabled or destroyed versions behind the latest alias',
      'payloads returned as bytes that must be decoded',
    ],
    alternative: GOOGLE_ALTERNATIVE,
  },
  {
    match: '@google-cloud/*',
    kind: 'cloud',
    system: 'Google Cloud service',
    hides: [
      'IAM denials (PERMISSION_DENIED) for the service account the code really runs as',
      'validation errors and quota or rate limits (INVALID_ARGUMENT, RESOURCE_EXHAUSTED)',
      'project, location and credential resolution (application default credentials)',
      'long-running operations that finish, or fail, after the call returns',
    ],
    alternative: GOOGLE_ALTERNATIVE,
  },

  // Azure
  {
    match: '@azure/storage-blob',
    kind: 'cloud',
    system: 'Azure Blob Storage',
    hides: [
      'authorisation failures from SAS tokens, RBAC roles and expired keys',
      'ETag conditions failing (412) on concurrent writes, and leases blocking them',
      'block upload rules and the size limits of a single put',
      'ContainerNotFound and BlobNotFound errors and their shapes',
    ],
    alternative: 'Azurite in a container (@testcontainers/azurite), with the real containers created',
  },
  {
    match: '@azure/storage-file-share',
    kind: 'cloud',
    system: 'Azure Files',
    hides: [
      'ShareNotFound and ParentNotFound when directories are not created first',
      'file size set at creation and ranges written separately',
      'authorisation failures from SAS tokens and keys',
    ],
    alternative: 'an Azure Files share in a sandbox subscription exercised in a scheduled job (Azurite does not serve the File API)',
  },
  {
    match: '@azure/keyvault-secrets',
    kind: 'cloud',
    system: 'Azure Key Vault',
    hides: [
      'access policy or RBAC denials (403 Forbidden)',
      'SecretNotFound, and soft-deleted secrets blocking re-creation',
      'throttling of the vault under frequent reads',
    ],
    alternative: 'a dedicated test vault in a sandbox subscription exercised in a scheduled job; read secrets once at startup so tests can inject them',
  },
  {
    match: '@azure/app-configuration',
    kind: 'cloud',
    system: 'Azure App Configuration',
    hides: [
      'labels and key filters selecting other values than expected',
      'Key Vault references that need a second credential to resolve',
      'throttling and request quotas',
    ],
    alternative: 'a dedicated test store in a sandbox subscription exercised in a scheduled job; load configuration once at startup so tests can inject it',
  },
  {
    match: '@azure/*',
    kind: 'cloud',
    system: 'Azure service',
    hides: [
      'authorisation failures from RBAC roles, keys and SAS tokens',
      'throttling (429 with Retry-After)',
      'service-specific validation errors and their RestError shapes',
    ],
    alternative: "the service's emulator where one exists (Azurite, Cosmos DB emulator, Service Bus emulator), or a sandbox subscription exercised in a scheduled job",
  },

  // Firebase
  {
    match: 'firebase-admin',
    kind: 'cloud',
    system: 'Firebase (Admin SDK)',
    hides: [
      'ID token verification: expiry, audience, revocation',
      'Firestore queries needing indexes, and transaction contention',
      'service account credentials and project id resolution',
    ],
    alternative: 'the Firebase Emulator Suite (auth, firestore, storage) started for the test run',
  },
  {
    match: 'firebase-admin/messaging',
    kind: 'cloud',
    system: 'Firebase Cloud Messaging',
    hides: [
      'invalid or unregistered registration tokens (messaging/registration-token-not-registered)',
      'multicast sends that partly fail, reported per token',
      'payload size limits and platform-specific message fields',
    ],
    alternative: 'sends with dryRun: true against the real service in a scheduled job, and assertions on the built message in unit tests',
  },
  {
    match: 'firebase',
    kind: 'cloud',
    system: 'Firebase (client SDK)',
    hides: [
      'security rules denying reads and writes (permission-denied)',
      'offline persistence and snapshots that fire before the server confirms',
      'app initialisation and configuration for the real project',
    ],
    alternative: 'the Firebase Emulator Suite with the real security rules loaded (@firebase/rules-unit-testing)',
  },
  {
    match: 'firebase/storage',
    kind: 'cloud',
    system: 'Cloud Storage for Firebase',
    hides: [
      'storage security rules rejecting uploads by size, type or user',
      'upload task states (paused, canceled, error) and resumable uploads',
      'download URLs and object metadata as the server returns them',
    ],
    alternative: 'the Storage emulator (Firebase Emulator Suite) with the real storage rules loaded',
  },

  // Storage and platform services outside the big three
  {
    match: 'minio',
    kind: 'cloud',
    system: 'S3-compatible object storage (MinIO client)',
    hides: [
      'NoSuchKey and NoSuchBucket errors and their codes',
      'bucket policies and credentials denying access',
      'multipart uploads and presigned URL signatures bound to the endpoint',
    ],
    alternative: 'MinIO in a container (@testcontainers/minio), with the real buckets created',
  },
  {
    match: '@vercel/blob',
    kind: 'cloud',
    system: 'Vercel Blob',
    hides: [
      'token errors (BlobAccessError) and store not found',
      'pathname collisions with an existing blob, and the overwrite and random-suffix options that decide them',
      'client uploads that depend on the token-exchange route and its callback',
    ],
    alternative: 'a dedicated test store exercised in a scheduled job, with the upload route run for real',
  },
  {
    match: '@supabase/storage-js',
    kind: 'cloud',
    system: 'Supabase Storage',
    hides: [
      'storage policies (row level security on storage.objects) rejecting uploads',
      'errors returned as { error } instead of thrown',
      'signed URL expiry and bucket visibility',
    ],
    alternative: 'the Supabase local stack (supabase start from the Supabase CLI) with the real storage policies',
  },
  {
    match: 'cloudinary',
    kind: 'cloud',
    system: 'Cloudinary',
    hides: [
      'upload errors for unsupported formats, sizes or invalid signatures',
      'transformation URLs that fail only when the image is requested',
      'rate limits on the Admin API',
    ],
    alternative: 'a dedicated test folder in a Cloudinary account exercised in a scheduled job, with recorded responses in CI',
  },
  {
    match: '@kubernetes/client-node',
    kind: 'cloud',
    system: 'Kubernetes API',
    hides: [
      'RBAC denials (403) for the service account the code runs as',
      'conflicts (409) on stale resourceVersion and admission webhook rejections',
      'watches ending and needing a restart from a new resourceVersion',
    ],
    alternative: 'a real cluster in a container (@testcontainers/k3s) or kind, with the real manifests applied',
  },
  {
    match: 'node-vault',
    kind: 'cloud',
    system: 'HashiCorp Vault',
    hides: [
      'policy denials (403 permission denied) for the token\'s policies',
      'token and lease expiry, renewal and revocation',
      'KV v1 versus v2 paths (data/ prefix) returning 404',
    ],
    alternative: 'Vault in dev mode in a container (@testcontainers/vault), with the real policies written',
  },
];

