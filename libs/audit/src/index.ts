export type { AuditEntry, AuditRecord, AuditRecorder, ChainHead, JsonValue } from './audit-entry';
export { canonicalJson, toJsonValue } from './canonical-json';
export { GENESIS_HASH, canonicalRecord, hashRecord, sealRecord } from './record-hash';
export { ChainVerifier, verifyChain } from './chain-verifier';
export type { ChainBreak, ChainBreakReason, ChainVerdict } from './chain-verifier';
