import { randomUUID } from 'node:crypto';
import type { Actor, AuditEvent } from '../../submissions/model';
import { str, type Entity } from './entities';

/** An audit event as an append-only entity of its period's partition. */
export function auditEntity(pk: string, event: AuditEvent): Entity {
  return {
    partitionKey: pk,
    // 32 random bits from a UUID, which node cuts from a pooled buffer: about a seventh of the
    // CPU of a 4-byte randomBytes call on this machine.
    rowKey: `a_${event.at}_${randomUUID().slice(0, 8)}`,
    event: event.event,
    at: event.at,
    actor: JSON.stringify(event.actor),
    subject: event.subject,
    sha256: event.sha256,
    before: event.before,
    after: event.after,
    comment: event.comment,
  };
}

export function toAuditEvent(e: Record<string, unknown>): AuditEvent {
  return {
    at: str(e.at) ?? '',
    event: str(e.event) as AuditEvent['event'],
    actor: JSON.parse(str(e.actor) ?? '{}') as Actor,
    subject: str(e.subject) ?? '',
    sha256: str(e.sha256),
    before: str(e.before),
    after: str(e.after),
    comment: str(e.comment),
  };
}
