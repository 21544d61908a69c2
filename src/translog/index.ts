/**
 * Mitra's transparency log, as pure functions (issue #6; DESIGN.md "The log").
 *
 * - RFC 6962 / RFC 9162 Merkle hashing, frontier, proof planning, generation and verification.
 * - C2SP tlog-tiles coordinates, paths, tile and entry-bundle bytes.
 * - C2SP signed-note, tlog-checkpoint, tlog-cosignature (cosignature/v1), tlog-witness
 *   (add-checkpoint request and the witness's decision) and tlog-proof.
 *
 * Nothing here touches a database, the network, the filesystem or a clock: storage is injected
 * as `NodeHashSource`, time is passed in as POSIX seconds, keys are passed in as seeds.
 *
 * Error convention: functions that judge untrusted input (parse*, verify*, open*, decide*)
 * return a `Result` — `{ ok: true, ... }` or `{ ok: false, reason, detail }` with a stable
 * `reason` code — and never throw for bad input. Every function throws `TranslogError` (with a
 * stable `code` and `evidence`) when its caller breaks a documented precondition or an injected
 * port misbehaves. Hashes are `Uint8Array`s of 32 bytes; sizes and indices are integers in
 * [0, 2^53 − 1].
 */
export { TranslogError } from './translog-error.ts';
export { failure, type Failure, type Result } from './result.ts';

// RFC 6962 hashing
export { HASH_SIZE, sha256 } from './sha256.ts';
export { leafHash } from './leaf-hash.ts';
export { nodeHash } from './node-hash.ts';
export { emptyRootHash } from './empty-root-hash.ts';
export { hashesEqual } from './hashes-equal.ts';
export { MAX_TREE_SIZE } from './tree-size-arithmetic.ts';

// Tree math, proofs
export { perfectSubtrees, type NodeCoordinate } from './perfect-subtrees.ts';
export { merkleRoot } from './merkle-root.ts';
export { MerkleFrontier, frontierNodes, type NodeListener } from './merkle-frontier.ts';
export { assembleProof, type ProofPlan, type ProofPlanElement } from './proof-plan.ts';
export { inclusionProofNodes, inclusionProofLength } from './inclusion-proof-nodes.ts';
export { consistencyProofNodes, consistencyProofLength } from './consistency-proof-nodes.ts';
export { fetchNodeHashes, type BatchNodeHashReader, type NodeHashReader, type NodeHashSource } from './node-hash-source.ts';
export { buildConsistencyProof, buildInclusionProof } from './build-proofs.ts';
export type { ProofFailureReason } from './proof-failure-reason.ts';
export { rootFromInclusionProof, verifyInclusion } from './verify-inclusion.ts';
export { verifyConsistency } from './verify-consistency.ts';

// C2SP tlog-tiles
export {
  changedTiles,
  locateNodeInTile,
  MAX_TILE_LEVEL,
  partialTiles,
  TILE_HEIGHT,
  TILE_WIDTH,
  tileNodeRange,
  type Tile,
  type TileNodeRange,
} from './tile-coordinates.ts';
export {
  encodeTileIndex,
  formatEntryBundlePath,
  formatTilePath,
  parseTilePath,
  type TilePath,
  type TilePathFailureReason,
} from './tile-path.ts';
export { decodeTileData, encodeTileData, levelZeroTileData, type TileDataFailureReason } from './tile-data.ts';
export { decodeEntryBundle, encodeEntryBundle, MAX_ENTRY_SIZE, type EntryBundleFailureReason } from './entry-bundle.ts';

// C2SP signed-note and keys
export { decodeBase64Strict, encodeBase64 } from './strict-base64.ts';
export {
  formatKeyId,
  isValidKeyName,
  noteKeyId,
  SIGNATURE_TYPE_COSIGNATURE_V1,
  SIGNATURE_TYPE_ED25519,
  type NoteKeyType,
} from './key-id.ts';
export { ed25519PrivateKey, ed25519PublicKey, ed25519RawPublicKey, ed25519Sign, ed25519Verify } from './ed25519-keys.ts';
export { Ed25519NoteVerifier, type NoteVerifier } from './note-verifier.ts';
export { createNoteVerifier, formatVerifierKey, parseVerifierKey, type KeyFailureReason, type ParsedVerifier } from './verifier-key.ts';
export { Ed25519SigningKey, formatSignerKey, parseSignerKey } from './signing-key.ts';
export {
  formatNote,
  formatSignatureLine,
  MAX_NOTE_SIGNATURES,
  MAX_NOTE_SIZE,
  parseNote,
  parseSignatureLine,
  type NoteFailureReason,
  type NoteSignature,
  type SignedNote,
} from './signed-note.ts';
export { openNote, verifyNoteSignatures, type NoteSignatureCheck, type VerifiedSignature } from './open-note.ts';
export { signNote, type NoteSigner } from './sign-note.ts';

// C2SP tlog-checkpoint and tlog-cosignature
export { formatCheckpoint, parseCheckpoint, type Checkpoint, type CheckpointFailureReason } from './checkpoint.ts';
export { openCheckpoint, type OpenCheckpointFailureReason, type OpenedCheckpoint } from './open-checkpoint.ts';
export {
  COSIGNATURE_V1_HEADER,
  cosignatureSignedMessage,
  cosignCheckpoint,
  CosignatureV1Verifier,
  parseCosignature,
  type CosignatureFailureReason,
  type Cosigner,
} from './cosignature.ts';

// C2SP tlog-witness
export {
  formatAddCheckpointRequest,
  MAX_CONSISTENCY_PROOF_LINES,
  parseAddCheckpointRequest,
  type AddCheckpointRequest,
  type AddCheckpointRequestFailureReason,
  type ParsedAddCheckpointRequest,
} from './witness-request.ts';
export {
  parseCosignatureResponse,
  parseTreeSizeBody,
  TREE_SIZE_CONTENT_TYPE,
  type WitnessResponseFailureReason,
} from './witness-response.ts';
export {
  decideAddCheckpoint,
  WITNESS_HTTP_STATUS,
  type AddCheckpointContext,
  type WitnessAcceptance,
  type WitnessFailureReason,
  type WitnessLogState,
  type WitnessRejection,
} from './witness-decision.ts';

// C2SP tlog-proof
export { formatTlogProof, parseTlogProof, TLOG_PROOF_HEADER, type ParsedTlogProof, type TlogProof } from './tlog-proof.ts';
export { verifyTlogProof, type FreshnessStatement, type TlogProofFailureReason, type TlogProofPolicy } from './verify-tlog-proof.ts';

// Mitra's log entries: commitments and public metadata only
export { commitRecord, decodeLogEntry, encodeLogEntry, LOG_ENTRY_VERSION, logEntry, logEntryType, type LogEntry } from './log-entry.ts';
