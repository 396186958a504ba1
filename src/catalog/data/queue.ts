import type { CatalogEntry } from '../types.js';

export const queue: CatalogEntry[] = [
  {
    match: 'kafkajs',
    kind: 'queue',
    system: 'Apache Kafka',
    hides: ['message serialisation and schema compatibility', 'partition ordering and consumer-group rebalancing', 'offset commits and redelivery after a crash', 'message size limits'],
    alternative: 'Kafka (or Redpanda) in a container (@testcontainers/kafka), a topic per test',
  },
  {
    match: 'amqplib',
    kind: 'queue',
    system: 'RabbitMQ',
    hides: ['ack/nack and redelivery semantics', 'dead-lettering and TTL', 'exchange and routing-key bindings', 'message serialisation'],
    alternative: 'RabbitMQ in a container (@testcontainers/rabbitmq), a queue per test',
  },
  {
    match: '@aws-sdk/client-sqs',
    kind: 'queue',
    system: 'Amazon SQS',
    hides: ['visibility timeout and redelivery', 'at-least-once delivery and duplicates', 'FIFO deduplication and group ordering', 'message size (256 KB) limits'],
    alternative: 'LocalStack or ElasticMQ in a container, with the real queue attributes',
  },
  {
    match: 'bullmq',
    kind: 'queue',
    system: 'BullMQ (Redis)',
    hides: ['job serialisation through Redis', 'retries, backoff and stalled-job recovery', 'concurrency and rate limiting of workers'],
    alternative: 'real Redis in a container (@testcontainers/redis) with a real Worker',
  },
  {
    match: 'bull',
    kind: 'queue',
    system: 'Bull (Redis)',
    hides: ['job serialisation through Redis', 'retries, backoff and stalled jobs', 'worker concurrency'],
    alternative: 'real Redis in a container (@testcontainers/redis) with a real processor',
  },
  {
    match: 'nats',
    kind: 'queue',
    system: 'NATS',
    hides: ['subject wildcard routing', 'JetStream acknowledgements and redelivery', 'payload encoding'],
    alternative: 'nats-server in a container (Testcontainers GenericContainer)',
  },
  {
    match: '@google-cloud/pubsub',
    kind: 'queue',
    system: 'Google Cloud Pub/Sub',
    hides: ['ack deadlines and redelivery', 'ordering keys', 'message size and attribute limits'],
    alternative: 'the Pub/Sub emulator (gcloud beta emulators pubsub) in a container',
  },
];
