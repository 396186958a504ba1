/**
 * Queues, streams and job runners: brokers whose delivery semantics a double replaces with a
 * synchronous function call.
 */
import type { CatalogEntry } from '../types.js';

const KAFKA_HIDES = [
  'consumer-group rebalancing that pauses consumption and reassigns partitions mid-batch',
  'ordering only within a partition, so the message key decides what stays in order',
  'offset commits: redelivery after a crash, or loss when offsets are committed too early',
  'serialisation and schema compatibility (Avro/Protobuf with a schema registry)',
  'the broker message size limit (message.max.bytes) and topics that are not auto-created',
];
const KAFKA_ALTERNATIVE = 'Kafka or Redpanda in a container (@testcontainers/kafka or @testcontainers/redpanda), a topic per test';

const RABBIT_HIDES = [
  'ack, nack and requeue semantics, and redelivery of unacked messages when a consumer dies',
  'dead-letter exchanges and message or queue TTLs',
  'exchange types and routing-key bindings that decide where a message goes',
  'PRECONDITION_FAILED (406) when a queue is redeclared with different arguments',
  'prefetch limits and publisher confirms under load',
];
const RABBIT_ALTERNATIVE = 'RabbitMQ in a container (@testcontainers/rabbitmq), with the real exchanges and queues declared';

const SQS_HIDES = [
  'visibility timeout: a message not deleted in time is delivered again',
  'at-least-once delivery, so handlers must tolerate duplicates',
  'FIFO queues: MessageGroupId ordering and deduplication ids within the five-minute window',
  'batch limits (ten messages) and the maximum message size',
  'redrive to a dead-letter queue after maxReceiveCount',
];
const SQS_ALTERNATIVE = 'LocalStack or ElasticMQ in a container (@testcontainers/localstack), with the real queue attributes and redrive policy';

const SNS_HIDES = [
  'subscription filter policies deciding which subscriber receives a message',
  'raw message delivery versus the JSON envelope the subscriber must unwrap',
  'FIFO topics requiring a MessageGroupId and deduplication',
  'fan-out to SQS queues whose access policy must allow the topic',
];
const SNS_ALTERNATIVE = 'LocalStack in a container (@testcontainers/localstack) with the topic subscribed to a real SQS queue the test reads';

const REDIS_JOBS_ALTERNATIVE = 'real Redis in a container (@testcontainers/redis) with a real worker processing the jobs';

export const queue: CatalogEntry[] = [
  // Kafka
  { match: 'kafkajs', kind: 'queue', system: 'Apache Kafka', hides: KAFKA_HIDES, alternative: KAFKA_ALTERNATIVE },
  { match: 'node-rdkafka', kind: 'queue', system: 'Apache Kafka', hides: KAFKA_HIDES, alternative: KAFKA_ALTERNATIVE },
  { match: '@confluentinc/kafka-javascript', kind: 'queue', system: 'Apache Kafka', hides: KAFKA_HIDES, alternative: KAFKA_ALTERNATIVE },

  // RabbitMQ and AMQP
  { match: 'amqplib', kind: 'queue', system: 'RabbitMQ', hides: RABBIT_HIDES, alternative: RABBIT_ALTERNATIVE },
  {
    match: 'amqp-connection-manager',
    kind: 'queue',
    system: 'RabbitMQ',
    hides: [
      'messages buffered while disconnected and published late, or lost if the process exits first',
      'channel setup re-run on reconnect, redeclaring queues and bindings',
      RABBIT_HIDES[0]!,
      RABBIT_HIDES[1]!,
    ],
    alternative: RABBIT_ALTERNATIVE,
  },
  {
    match: 'rascal',
    kind: 'queue',
    system: 'RabbitMQ',
    hides: [
      'vhost, exchange and binding configuration that fails to assert on a real broker',
      'redelivery limits and the recovery strategies configured per subscription',
      RABBIT_HIDES[1]!,
    ],
    alternative: RABBIT_ALTERNATIVE,
  },
  {
    match: '@golevelup/nestjs-rabbitmq',
    kind: 'queue',
    system: 'RabbitMQ (NestJS)',
    hides: [
      'RabbitSubscribe and RabbitRPC handlers bound to real exchanges and routing keys',
      'RPC request timeouts when no handler replies',
      RABBIT_HIDES[0]!,
    ],
    alternative: `RabbitMQModule pointed at RabbitMQ in a container (@testcontainers/rabbitmq) in the testing module`,
  },

  // AWS messaging
  { match: '@aws-sdk/client-sqs', kind: 'queue', system: 'Amazon SQS', hides: SQS_HIDES, alternative: SQS_ALTERNATIVE },
  { match: 'aws-sdk/clients/sqs', kind: 'queue', system: 'Amazon SQS (SDK v2)', hides: SQS_HIDES, alternative: SQS_ALTERNATIVE },
  {
    match: 'sqs-consumer',
    kind: 'queue',
    system: 'Amazon SQS',
    hides: [
      'messages deleted only when the handler resolves, and redelivered when it throws',
      SQS_HIDES[0]!,
      SQS_HIDES[1]!,
      'long polling and batch size settings against the real queue',
    ],
    alternative: SQS_ALTERNATIVE,
  },
  {
    match: 'sqs-producer',
    kind: 'queue',
    system: 'Amazon SQS',
    hides: [
      'partial batch failures reported per message',
      SQS_HIDES[2]!,
      SQS_HIDES[3]!,
    ],
    alternative: SQS_ALTERNATIVE,
  },
  { match: '@aws-sdk/client-sns', kind: 'queue', system: 'Amazon SNS', hides: SNS_HIDES, alternative: SNS_ALTERNATIVE },
  { match: 'aws-sdk/clients/sns', kind: 'queue', system: 'Amazon SNS (SDK v2)', hides: SNS_HIDES, alternative: SNS_ALTERNATIVE },
  {
    match: '@aws-sdk/client-kinesis',
    kind: 'queue',
    system: 'Amazon Kinesis Data Streams',
    hides: [
      'ordering only per partition key, within one shard',
      'ProvisionedThroughputExceededException on hot shards',
      'PutRecords partial failures (FailedRecordCount) that do not reject the call',
      'shard iterators expiring, resharding, and records aging out after the retention period',
    ],
    alternative: 'LocalStack in a container (@testcontainers/localstack) with the real stream',
  },
  {
    match: '@aws-sdk/client-eventbridge',
    kind: 'queue',
    system: 'Amazon EventBridge',
    hides: [
      'event patterns in rules deciding which targets receive an event',
      'PutEvents partial failures (FailedEntryCount) with HTTP 200',
      'the event size limit and at-least-once delivery to targets',
      'target permissions (resource policies, IAM roles) that silently drop events',
    ],
    alternative: 'LocalStack in a container (@testcontainers/localstack) with the rule routing to an SQS queue the test reads',
  },

  // NATS and MQTT
  {
    match: 'nats',
    kind: 'queue',
    system: 'NATS',
    hides: [
      'core NATS is at-most-once: messages published with no subscriber are gone',
      'request/reply failing with "no responders" or a timeout',
      'subject wildcards (* and >) and queue groups deciding who receives a message',
      'JetStream ack waits, redelivery and the Nats-Msg-Id deduplication window',
    ],
    alternative: 'nats-server (with -js for JetStream) in a container (@testcontainers/nats)',
  },
  {
    match: 'node-nats-streaming',
    kind: 'queue',
    system: 'NATS Streaming (STAN)',
    hides: [
      'messages redelivered after the ack wait when the handler does not ack (manual ack mode)',
      'durable subscriptions and queue groups resuming from where the last subscriber stopped',
      'the connection to the streaming server dropping and publish callbacks reporting errors',
      'cluster and client ids: a second client with the same id is refused',
    ],
    alternative: 'a nats-streaming server in a container, the test subscribing to the subject it publishes on',
  },
  {
    match: '@nats-io/*',
    kind: 'queue',
    system: 'NATS',
    hides: [
      'core NATS is at-most-once: messages published with no subscriber are gone',
      'request/reply failing with "no responders" or a timeout',
      'JetStream consumer configuration, ack waits and redelivery',
    ],
    alternative: 'nats-server (with -js for JetStream) in a container (@testcontainers/nats)',
  },
  {
    match: 'mqtt',
    kind: 'queue',
    system: 'MQTT broker',
    hides: [
      'QoS 0, 1 and 2 delivery guarantees and duplicates at QoS 1',
      'retained messages and persistent sessions (clean: false) replaying old state',
      'topic wildcards (+ and #) and broker ACLs',
    ],
    alternative: 'Mosquitto or HiveMQ in a container (@testcontainers/mosquitto or @testcontainers/hivemq)',
  },

  // Redis- and database-backed job queues
  {
    match: 'bullmq',
    kind: 'queue',
    system: 'BullMQ (Redis)',
    hides: [
      'job data serialised through Redis: dates become strings, class instances lose their methods',
      'retries, backoff and stalled-job recovery when a worker dies',
      'worker concurrency, rate limiting and job id deduplication',
      'the Redis connection a Worker needs (maxRetriesPerRequest: null) failing at startup',
    ],
    alternative: REDIS_JOBS_ALTERNATIVE,
  },
  {
    match: 'bull',
    kind: 'queue',
    system: 'Bull (Redis)',
    hides: [
      'job data serialised through Redis: dates become strings, class instances lose their methods',
      'retries, backoff and stalled jobs when a processor blocks the event loop',
      'processor concurrency and named processors',
    ],
    alternative: REDIS_JOBS_ALTERNATIVE,
  },
  {
    match: 'bee-queue',
    kind: 'queue',
    system: 'Bee-Queue (Redis)',
    hides: [
      'job data serialised through Redis as JSON',
      'job timeouts, retries and stall detection intervals',
      'queue settings (removeOnSuccess, activateDelayedJobs) changing what persists',
    ],
    alternative: REDIS_JOBS_ALTERNATIVE,
  },
  {
    match: '@nestjs/bull',
    kind: 'queue',
    system: 'Bull (Redis, NestJS)',
    hides: [
      'queues injected with getQueueToken that never reach Redis',
      'Process handlers never run, so their failures and retries are never seen',
      'job data serialised through Redis',
    ],
    alternative: `BullModule pointed at real Redis in a container (@testcontainers/redis), with the real processor registered`,
  },
  {
    match: '@nestjs/bullmq',
    kind: 'queue',
    system: 'BullMQ (Redis, NestJS)',
    hides: [
      'queues and flow producers injected by token that never reach Redis',
      'WorkerHost processors never run, so their failures and retries are never seen',
      'job data serialised through Redis',
    ],
    alternative: `BullModule pointed at real Redis in a container (@testcontainers/redis), with the real processor registered`,
  },
  {
    match: 'agenda',
    kind: 'queue',
    system: 'Agenda (MongoDB)',
    hides: [
      'job locking across processes (lockLifetime) and jobs run twice after a crash',
      'scheduling expressions and time zones evaluated by the real scheduler',
      'job data stored as MongoDB documents',
    ],
    alternative: 'Agenda on a real mongod (mongodb-memory-server or @testcontainers/mongodb)',
  },
  {
    match: 'pg-boss',
    kind: 'queue',
    system: 'pg-boss (PostgreSQL)',
    hides: [
      'jobs fetched with SKIP LOCKED inside real transactions',
      'retries, expiration and singleton or throttled jobs',
      'the schema pg-boss installs and upgrades on start',
    ],
    alternative: 'pg-boss on PostgreSQL in a container (@testcontainers/postgresql)',
  },
  {
    match: 'graphile-worker',
    kind: 'queue',
    system: 'Graphile Worker (PostgreSQL)',
    hides: [
      'jobs queued from SQL or triggers and picked up by the real worker',
      'retries with exponential backoff and permanently failed jobs',
      'job keys replacing or deduplicating pending jobs',
    ],
    alternative: 'Graphile Worker on PostgreSQL in a container (@testcontainers/postgresql), run with runOnce',
  },
  {
    match: '@temporalio/client',
    kind: 'queue',
    system: 'Temporal',
    hides: [
      'workflow determinism errors on replay',
      'activity retries, timeouts and heartbeats',
      'workflow id reuse policies rejecting a second start',
    ],
    alternative: 'TestWorkflowEnvironment from @temporalio/testing: a real local Temporal server with time skipping',
  },
  {
    match: '@upstash/qstash',
    kind: 'queue',
    system: 'Upstash QStash',
    hides: [
      'signature verification of delivered requests (Upstash-Signature)',
      'retries with backoff when the endpoint fails, and duplicate deliveries',
      'delays and schedules evaluated by the service',
    ],
    alternative: 'the QStash local development server (npx @upstash/qstash-cli dev) with the real endpoint receiving signed requests',
  },

  // Google Cloud and Azure messaging
  {
    match: '@google-cloud/pubsub',
    kind: 'queue',
    system: 'Google Cloud Pub/Sub',
    hides: [
      'ack deadlines: a slow handler gets the message redelivered',
      'at-least-once delivery and duplicates, unless exactly-once delivery is enabled',
      'ordering keys that only work when the subscription enables message ordering',
      'dead-letter topics after the maximum delivery attempts',
    ],
    alternative: 'the Pub/Sub emulator (gcloud beta emulators pubsub, or @testcontainers/gcloud)',
  },
  {
    match: '@google-cloud/tasks',
    kind: 'queue',
    system: 'Google Cloud Tasks',
    hides: [
      'named tasks: a name cannot be reused for a while after the task ran or was deleted (ALREADY_EXISTS)',
      'retry configuration and dispatch deadlines on the queue',
      'OIDC tokens on HTTP targets that the receiving service must accept',
    ],
    alternative: 'a Cloud Tasks emulator in a container (such as aertje/cloud-tasks-emulator) dispatching to the real handler',
  },
  {
    match: '@azure/service-bus',
    kind: 'queue',
    system: 'Azure Service Bus',
    hides: [
      'peek-lock: a lock that expires mid-processing (MessageLockLostError) and redelivery',
      'dead-lettering after the maximum delivery count',
      'sessions required for ordered processing on session-enabled entities',
      'duplicate detection windows and message size limits per tier',
    ],
    alternative: 'the Azure Service Bus emulator in a container (@testcontainers/azureservicebus) with the real queues and topics',
  },
  {
    match: '@azure/event-hubs',
    kind: 'queue',
    system: 'Azure Event Hubs',
    hides: [
      'ordering only within a partition',
      'checkpointing through a blob checkpoint store, and reprocessing after a restart',
      'consumer groups and partition ownership between instances',
    ],
    alternative: 'the Event Hubs emulator in a container, with Azurite as its checkpoint store',
  },
  {
    match: '@azure/storage-queue',
    kind: 'queue',
    system: 'Azure Queue Storage',
    hides: [
      'visibility timeouts and dequeue counts: messages reappear when not deleted',
      'the 64 KB message size limit and base64 encoding expectations',
      'pop receipts that change after every update',
    ],
    alternative: 'Azurite in a container (@testcontainers/azurite), which serves the Queue API',
  },

  // Framework transports
  {
    match: '@nestjs/microservices',
    kind: 'queue',
    system: 'NestJS microservice transport',
    hides: [
      'message and event patterns that must match between client and handler',
      'serialisation over the real transport (Kafka, RabbitMQ, Redis, NATS, TCP)',
      'request timeouts and errors when no handler answers',
    ],
    alternative: 'the real transport broker in a container (Testcontainers) with the microservice and the ClientProxy both started',
  },
];
