-- 0001: the initial schema. Published migrations are never edited; add 0002_… instead.
-- Every hot table carries the citizen key `wa_id`, the future Citus distribution column.
-- Times are timestamptz; JSON is jsonb; statuses are text with CHECK constraints.

-- One row per citizen: the conversation session and the timers that act on it.
CREATE TABLE citizens (
  wa_id            text PRIMARY KEY,
  profile_name     text,
  lang             text,
  session          jsonb,
  -- Turns applied to the session; lets readers notice a concurrent change.
  session_version  integer NOT NULL DEFAULT 0,
  -- When the citizen last wrote to us: the start of WhatsApp's 24-hour service window.
  last_inbound_at  timestamptz,
  -- When the idle timer fires for a conversation left half-way; NULL when none is due.
  idle_deadline    timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX citizens_idle_deadline ON citizens (idle_deadline) WHERE idle_deadline IS NOT NULL;

-- The durable inbound queue: stored before the webhook is acknowledged, processed in seq order
-- per citizen, exactly once.
CREATE TABLE inbound_messages (
  seq           bigserial PRIMARY KEY,
  wamid         text NOT NULL UNIQUE,
  wa_id         text NOT NULL,
  type          text NOT NULL,
  -- The canonical InboundMessage (src/engine/inbound.ts).
  payload       jsonb NOT NULL,
  status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
  attempts      integer NOT NULL DEFAULT 0,
  error         text,
  received_at   timestamptz NOT NULL DEFAULT now(),
  processed_at  timestamptz
);
CREATE INDEX inbound_messages_pending ON inbound_messages (wa_id, seq) WHERE status = 'pending';
CREATE INDEX inbound_messages_pending_seq ON inbound_messages (seq) WHERE status = 'pending';

-- The outbox: what we say, queued in the same transaction as the turn that produced it.
CREATE TABLE outbound_messages (
  seq              bigserial NOT NULL UNIQUE,
  id               text PRIMARY KEY,
  wa_id            text NOT NULL,
  -- The inbound wamid whose turn produced this message.
  in_reply_to      text,
  -- The canonical OutboundMessage (src/engine/outbound.ts).
  message          jsonb NOT NULL,
  -- The exact Graph API body sent, for audit and debugging.
  request          jsonb,
  status           text NOT NULL DEFAULT 'queued'
                   CHECK (status IN ('queued', 'sending', 'sent', 'delivered', 'read', 'failed')),
  -- The channel's id (wamid) once sent; status webhooks refer to it.
  provider_id      text UNIQUE,
  attempts         integer NOT NULL DEFAULT 0,
  -- NULL means "as soon as possible".
  next_attempt_at  timestamptz,
  -- While 'sending': when the claim expires and another worker may reclaim the row.
  lease_until      timestamptz,
  last_error       jsonb,
  created_at       timestamptz NOT NULL DEFAULT now(),
  sent_at          timestamptz,
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbound_messages_unsent ON outbound_messages (seq) WHERE status IN ('queued', 'sending');
CREATE INDEX outbound_messages_unsent_by_citizen ON outbound_messages (wa_id, seq) WHERE status IN ('queued', 'sending');
CREATE INDEX outbound_messages_by_citizen ON outbound_messages (wa_id, seq);

-- Every delivery status the channel reported, deduplicated on (provider_id, status). Kept even
-- when the provider_id is not known yet (the webhook can beat our own update) and applied then.
CREATE TABLE message_statuses (
  provider_id    text NOT NULL,
  status         text NOT NULL,
  at             timestamptz NOT NULL,
  recipient_id   text,
  -- biz_opaque_callback_data: our outbound row id, echoed by the channel.
  callback_data  text,
  errors         jsonb,
  received_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (provider_id, status)
);

-- Value-level webhook errors and webhook parts we rejected, for operators.
CREATE TABLE channel_errors (
  id           bigserial PRIMARY KEY,
  kind         text NOT NULL CHECK (kind IN ('value_error', 'rejected')),
  code         integer,
  title        text NOT NULL,
  details      text,
  payload      jsonb,
  received_at  timestamptz NOT NULL DEFAULT now()
);

-- Applications submitted through a conversation.
CREATE TABLE applications (
  id               text PRIMARY KEY,
  reference        text NOT NULL UNIQUE,
  wa_id            text NOT NULL,
  service_id       text NOT NULL,
  service_version  integer NOT NULL,
  lang             text NOT NULL,
  answers          jsonb NOT NULL,
  status           text NOT NULL DEFAULT 'submitted',
  submitted_at     timestamptz NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX applications_by_citizen ON applications (wa_id, submitted_at);

-- Files: citizens' uploads and the certificates we issue.
CREATE TABLE documents (
  id               text PRIMARY KEY,
  wa_id            text NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('upload', 'issued')),
  mime_type        text NOT NULL,
  bytes            integer NOT NULL,
  sha256           text NOT NULL,
  filename         text,
  content          bytea NOT NULL,
  -- The channel's media id for uploads: downloading the same media twice stores it once.
  source_media_id  text UNIQUE,
  application_id   text,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX documents_by_citizen ON documents (wa_id, created_at);

-- Cache of our documents already uploaded to the channel (media ids expire).
CREATE TABLE outbound_media (
  document_id        text PRIMARY KEY,
  provider_media_id  text NOT NULL,
  expires_at         timestamptz NOT NULL
);
