-- Published service catalogs (issue #3). Every version of every service ever published is
-- kept, so a conversation that started on version 1 finishes on version 1 even after a newer
-- version is published, a restart, or on another process. A publication records which
-- version of each service is current, with the departments, popular list and systems.

CREATE TABLE IF NOT EXISTS service_definitions (
  service_id   text        NOT NULL,
  version      integer     NOT NULL,
  -- SHA-256 of the canonical JSON of the definition: a published version is never edited.
  sha256       text        NOT NULL,
  definition   jsonb       NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (service_id, version)
);

CREATE TABLE IF NOT EXISTS catalog_publications (
  seq          bigserial   PRIMARY KEY,
  published_at timestamptz NOT NULL DEFAULT now(),
  -- Where it came from (the catalog folder, the CLI, the API), for operators.
  source       text        NOT NULL,
  -- SHA-256 of `frame`: publishing an identical catalog again adds no row.
  sha256       text        NOT NULL,
  -- { departments, popular, systems, services: [[id, version], ...] }
  frame        jsonb       NOT NULL
);
