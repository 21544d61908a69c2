-- The transparency log (issue #6): RFC 6962 / C2SP tlog-tiles over commitments. Entries hold
-- no personal data: a salted hash of the record plus public metadata. Salts live in
-- log_salts, off the log, and can be deleted (erasure) while the log stays intact.

-- Entries waiting to be sequenced. Written in the same transaction as the record they commit
-- to (an application, a decision), so nothing is ever committed without its log entry.
CREATE TABLE IF NOT EXISTS log_queue (
  id           bigserial   PRIMARY KEY,
  entry        bytea       NOT NULL,
  -- What the entry commits to, for finding its index later (an application reference, a
  -- certificate id); never shown in the log itself.
  subject      text        NOT NULL,
  enqueued_at  timestamptz NOT NULL DEFAULT now()
);

-- Sequenced entries: index idx is leaf idx of the tree.
CREATE TABLE IF NOT EXISTS log_entries (
  idx          bigint      PRIMARY KEY,
  entry        bytea       NOT NULL,
  subject      text        NOT NULL,
  sequenced_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS log_entries_by_subject ON log_entries (subject);

-- C2SP tlog-tiles hash tiles: tile (level, idx) holds `width` hashes of tree level 8·level.
-- A partial tile grows until it is full; hashes never change once written.
CREATE TABLE IF NOT EXISTS log_tiles (
  level        integer     NOT NULL,
  idx          bigint      NOT NULL,
  width        integer     NOT NULL CHECK (width BETWEEN 1 AND 256),
  data         bytea       NOT NULL,
  PRIMARY KEY (level, idx)
);

-- The sequencer's state: the tree size and its frontier (compact range), in one row.
CREATE TABLE IF NOT EXISTS log_state (
  id           integer     PRIMARY KEY CHECK (id = 1),
  size         bigint      NOT NULL,
  frontier     bytea       NOT NULL
);

-- Signed checkpoints (C2SP tlog-checkpoint as a signed note), with witness cosignatures.
CREATE TABLE IF NOT EXISTS log_checkpoints (
  size         bigint      PRIMARY KEY,
  root         bytea       NOT NULL,
  note         text        NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);

-- Every cosignature a witness returned, kept as evidence (a witness that cosigned two
-- different trees of one size is caught by `mitra log verify`).
CREATE TABLE IF NOT EXISTS log_cosignatures (
  witness      text        NOT NULL,
  size         bigint      NOT NULL,
  root         bytea       NOT NULL,
  timestamp    bigint      NOT NULL,
  line         text        NOT NULL,
  PRIMARY KEY (witness, size, root)
);

-- Salts of commitments, off the log. Deleting a row makes the record's commitment
-- unlinkable (erasure) without touching the log.
CREATE TABLE IF NOT EXISTS log_salts (
  subject      text        NOT NULL,
  entry_sha256 bytea       NOT NULL,
  salt         bytea       NOT NULL,
  record       jsonb       NOT NULL,
  PRIMARY KEY (subject, entry_sha256)
);
