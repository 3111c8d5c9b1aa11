import { describe, expect, test } from 'vitest';
import { testDb } from './db';

describe('AuditLog', () => {
  test('the database refuses to edit or delete an audit row', async () => {
    const db = testDb();
    const row = await db.auditLog.create({ data: { actorLabel: 'test', action: 'x.y', entityType: 'X', entityId: '1' } });
    await expect(db.auditLog.update({ where: { id: row.id }, data: { action: 'changed' } })).rejects.toThrow(/append-only/);
    await expect(db.auditLog.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    expect((await db.auditLog.findUniqueOrThrow({ where: { id: row.id } })).action).toBe('x.y');
  });
});

describe('AuditLog and TRUNCATE', () => {
  test('the database refuses to empty the audit table', async () => {
    const db = testDb();
    await db.auditLog.create({ data: { actorLabel: 'test', action: 'x.truncate', entityType: 'X', entityId: '2' } });
    await expect(db.$executeRawUnsafe('TRUNCATE "AuditLog"')).rejects.toThrow(/append-only/);
    expect(await db.auditLog.count({ where: { action: 'x.truncate' } })).toBe(1);
  });
});
