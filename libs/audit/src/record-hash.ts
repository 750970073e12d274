import { createHash } from 'node:crypto';
import { DomainError } from '@conveyor/kernel';
import type { AuditEntry, AuditRecord, JsonValue } from './audit-entry';
import { canonicalJson, isoInstant, toJsonValue } from './canonical-json';

/** What the first record is chained to. */
export const GENESIS_HASH = '0'.repeat(64);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_TEXT = 1000;

/**
 * The record's content in canonical JSON: every field but the two hashes. The seq is part of it,
 * so a record moved to another place in the chain no longer matches its hash.
 */
export function canonicalRecord(record: Omit<AuditRecord, 'hash'>): string {
  return canonicalJson({
    seq: record.seq,
    id: record.id,
    at: isoInstant(record.at),
    actor: record.actor,
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId,
    before: record.before,
    after: record.after,
    workflowId: record.workflowId,
    revision: record.revision,
    runId: record.runId,
    details: record.details,
  });
}

/** SHA-256 (hex) over the previous record's hash followed by this record's canonical JSON. */
export function hashRecord(record: Omit<AuditRecord, 'hash'>): string {
  return createHash('sha256').update(record.prevHash, 'utf8').update(canonicalRecord(record), 'utf8').digest('hex');
}

/**
 * Turns an entry into the next record of the chain: checks it, normalises it to what the database
 * will give back (JSON semantics, lower-case UUIDs) and computes its hash.
 */
export function sealRecord(entry: AuditEntry, place: { seq: number; id: string; at: Date; prevHash: string }): AuditRecord {
  const details = entry.details === undefined ? null : toJsonValue(entry.details);
  if (details !== null && (typeof details !== 'object' || Array.isArray(details))) invalid('details must be a JSON object');
  if (entry.revision !== undefined && (!Number.isInteger(entry.revision) || entry.revision < 1 || entry.revision > 2 ** 31 - 1)) {
    invalid(`revision must be a positive whole number, got ${entry.revision}`);
  }
  if (entry.runId !== undefined && !UUID.test(entry.runId)) invalid(`runId must be a UUID, got "${entry.runId}"`);
  const unsealed: Omit<AuditRecord, 'hash'> = {
    seq: place.seq,
    id: place.id.toLowerCase(),
    at: new Date(isoInstant(place.at)),
    actor: text('actor', entry.actor),
    action: text('action', entry.action),
    entityType: text('entityType', entry.entityType),
    entityId: text('entityId', entry.entityId),
    before: toJsonValue(entry.before),
    after: toJsonValue(entry.after),
    workflowId: entry.workflowId === undefined ? null : text('workflowId', entry.workflowId),
    revision: entry.revision ?? null,
    runId: entry.runId?.toLowerCase() ?? null,
    details: details as { [key: string]: JsonValue } | null,
    prevHash: place.prevHash,
  };
  return { ...unsealed, hash: hashRecord(unsealed) };
}

function text(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_TEXT) {
    invalid(`${field} must be a text of 1 to ${MAX_TEXT} characters`);
  }
  return value as string;
}

function invalid(message: string): never {
  throw new DomainError('AUDIT_ENTRY_INVALID', `Invalid audit entry: ${message}`);
}
