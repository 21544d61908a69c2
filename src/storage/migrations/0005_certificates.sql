-- 0005: certificates (issue #5). An approved certificate application is queued for issuance
-- in the approval's own transaction (certificate_requests), so no approval is ever left
-- without its certificate. The issuer numbers, signs and stores it (certificates) and logs
-- it; the deliverer, once the log entry is in a signed checkpoint, assembles the PDF with its
-- inclusion proof and sends it to the citizen.

-- The officer's name as printed on certificates they sign.
ALTER TABLE officers ADD COLUMN IF NOT EXISTS display_name text;

CREATE TABLE IF NOT EXISTS certificate_requests (
  application_id   text        PRIMARY KEY,
  wa_id            text        NOT NULL,
  -- The approving officer (NULL when the system approved).
  officer_id       bigint,
  requested_at     timestamptz NOT NULL,
  attempts         integer     NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL,
  last_error       text
);
CREATE INDEX IF NOT EXISTS certificate_requests_due ON certificate_requests (next_attempt_at);

-- Certificate numbers: one counter per prefix and year (AP-INC-2026-0000123).
CREATE TABLE IF NOT EXISTS certificate_numbers (
  prefix  text    NOT NULL,
  year    integer NOT NULL,
  last    bigint  NOT NULL,
  PRIMARY KEY (prefix, year)
);

CREATE TABLE IF NOT EXISTS certificates (
  number           text        PRIMARY KEY,
  application_id   text        NOT NULL UNIQUE,
  wa_id            text        NOT NULL,
  service_id       text        NOT NULL,
  type             text        NOT NULL,
  -- The CertificateDocument (src/certificates): re-rendering it gives the same body, byte for byte.
  document         jsonb       NOT NULL,
  body_sha256      text        NOT NULL,
  -- The QR text: verification URL, signed payload and signature.
  qr_text          text        NOT NULL,
  key_id           text        NOT NULL,
  issued_at        timestamptz NOT NULL,
  status           text        NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'revoked')),
  revoked_at       timestamptz,
  revoked_by       text,
  revoke_reason    text,
  -- The assembled PDF (documents.id), once its log entry is in a checkpoint.
  pdf_document_id  text,
  delivered_at     timestamptz
);
CREATE INDEX IF NOT EXISTS certificates_undelivered ON certificates (issued_at) WHERE delivered_at IS NULL;
CREATE INDEX IF NOT EXISTS certificates_by_citizen ON certificates (wa_id, issued_at);
