-- 0004: the back office (issue #4). Officers decide applications within SLAs; citizens are told.
-- Hot tables keep the citizen key `wa_id` (the future Citus distribution column, DESIGN.md);
-- officer accounts and sessions are small reference tables and need none.

-- Published workflow versions (catalog/workflows/*.yaml), like service_definitions: an
-- application finishes on the workflow version it started with, so every version is kept and
-- a published version is never edited.
CREATE TABLE IF NOT EXISTS workflow_definitions (
  workflow_id  text        NOT NULL,
  version      integer     NOT NULL,
  sha256       text        NOT NULL,
  definition   jsonb       NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workflow_id, version)
);

-- Where an application is routed and where it is in its workflow. `department` is the
-- service id's prefix; `district` and `mandal` are the applicant's answers, in
-- normalizeAreaName form (src/workflow), so jurisdiction filters compare equal strings.
-- `workflow` is the WorkflowApplication JSON (state, SLA clocks, history); NULL for services
-- without a back office. `status` (0001) follows the workflow's applicationStatus.
ALTER TABLE applications ADD COLUMN IF NOT EXISTS department    text;
ALTER TABLE applications ADD COLUMN IF NOT EXISTS district      text;
ALTER TABLE applications ADD COLUMN IF NOT EXISTS mandal        text;
ALTER TABLE applications ADD COLUMN IF NOT EXISTS workflow      jsonb;
-- 'office' or 'citizen': who the application waits for (NULL once closed or without workflow).
ALTER TABLE applications ADD COLUMN IF NOT EXISTS waiting_for   text;
-- The deadline that governs the inbox order (slaStatus); NULL when closed.
ALTER TABLE applications ADD COLUMN IF NOT EXISTS sla_deadline  timestamptz;
-- When the SLA job must look at the application next: its earliest deadline whose breach is
-- not recorded yet. NULL when nothing can breach (closed, or every breach recorded).
ALTER TABLE applications ADD COLUMN IF NOT EXISTS sla_check_at  timestamptz;
-- The reason given with the latest change of status (a rejection, a request for information).
ALTER TABLE applications ADD COLUMN IF NOT EXISTS status_reason text;
ALTER TABLE applications ADD COLUMN IF NOT EXISTS updated_at    timestamptz;
UPDATE applications SET department = split_part(service_id, '.', 1) WHERE department IS NULL;
UPDATE applications SET updated_at = submitted_at WHERE updated_at IS NULL;
CREATE INDEX IF NOT EXISTS applications_inbox ON applications (department, district, mandal, sla_deadline);
CREATE INDEX IF NOT EXISTS applications_sla_check ON applications (sla_check_at) WHERE sla_check_at IS NOT NULL;

-- Officer accounts. Passwords: scrypt (node:crypto) with a per-account random salt; the cost
-- parameters are stored with the hash so they can be raised later without breaking logins.
CREATE TABLE IF NOT EXISTS officers (
  id               bigserial   PRIMARY KEY,
  username         text        NOT NULL UNIQUE,
  password_hash    bytea       NOT NULL,
  password_salt    bytea       NOT NULL,
  -- {"algorithm":"scrypt","N":…,"r":…,"p":…,"keyLength":…}
  password_params  jsonb       NOT NULL,
  role             text        NOT NULL CHECK (role IN ('secretariat_staff', 'approving_officer', 'department_administrator', 'state_administrator')),
  department       text,
  district         text,
  mandal           text,
  -- Consecutive wrong passwords; reset on success and when a lockout starts.
  failed_attempts  integer     NOT NULL DEFAULT 0,
  locked_until     timestamptz,
  disabled         boolean     NOT NULL DEFAULT false,
  created_at       timestamptz NOT NULL DEFAULT now()
);

-- Officer sessions. Only the SHA-256 of the random token is stored, so a copy of this table
-- opens no session. `csrf_token` must come back with every state-changing request made with
-- the session cookie. Bearer sessions (department systems) need no CSRF token.
CREATE TABLE IF NOT EXISTS officer_sessions (
  token_sha256  bytea       PRIMARY KEY,
  officer_id    bigint      NOT NULL REFERENCES officers (id) ON DELETE CASCADE,
  kind          text        NOT NULL CHECK (kind IN ('cookie', 'bearer')),
  csrf_token    text        NOT NULL,
  created_at    timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS officer_sessions_by_officer ON officer_sessions (officer_id);
CREATE INDEX IF NOT EXISTS officer_sessions_expiry ON officer_sessions (expires_at);

-- The audit history: every action taken on an application, by an officer, the citizen or
-- the system (an SLA escalation), with its reason. Never updated or deleted.
CREATE TABLE IF NOT EXISTS application_actions (
  id              bigserial   PRIMARY KEY,
  application_id  text        NOT NULL,
  wa_id           text        NOT NULL,
  -- NULL for the citizen and the system.
  officer_id      bigint,
  -- The officer's username, 'citizen' or 'system'.
  actor           text        NOT NULL,
  actor_role      text        NOT NULL,
  action          text        NOT NULL,
  reason          text,
  -- Extra facts: documents the citizen sent with a reply, the level escalated to.
  details         jsonb,
  from_state      text        NOT NULL,
  to_state        text        NOT NULL,
  from_status     text        NOT NULL,
  to_status       text        NOT NULL,
  at              timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS application_actions_by_application ON application_actions (application_id, id);
CREATE INDEX IF NOT EXISTS application_actions_by_citizen ON application_actions (wa_id, at);

-- SLA breaches as the scheduled job recorded them (one row per clock run), for the console
-- and for reports. The primary key makes a second recording of the same breach impossible.
CREATE TABLE IF NOT EXISTS sla_breaches (
  application_id  text        NOT NULL,
  wa_id           text        NOT NULL,
  scope           text        NOT NULL CHECK (scope IN ('state', 'overall')),
  state           text        NOT NULL,
  deadline        timestamptz NOT NULL,
  noted_at        timestamptz NOT NULL,
  overdue_ms      bigint      NOT NULL,
  -- The action the workflow's onBreach rule took (escalate, lapse, auto_close), if any.
  action          text,
  escalated_to    text,
  PRIMARY KEY (application_id, scope, state, deadline)
);
CREATE INDEX IF NOT EXISTS sla_breaches_noted ON sla_breaches (noted_at);

-- A message that may go outside WhatsApp's 24-hour window carries the approved template to
-- send instead ({ name, lang, params }); the sender uses it when the window is closed.
ALTER TABLE outbound_messages ADD COLUMN IF NOT EXISTS template jsonb;
