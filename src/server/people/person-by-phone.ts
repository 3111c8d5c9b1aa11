import 'server-only';
import type { TTx } from '@/server/db';

/**
 * The person with this phone, created with this name if there is none. A phone is one person (unique): two requests
 * that bring the same new phone at once (a member registered while appointed an officer, two imports) must meet in one
 * row, not fail. INSERT … ON CONFLICT DO NOTHING waits for the other insert to commit; the read after it sees that row.
 */
export async function personByPhone(tx: TTx, name: string, phone: string): Promise<{ id: number; name: string }> {
  await tx.$executeRaw`INSERT INTO "Person" ("name", "phone", "updatedAt") VALUES (${name}, ${phone}, now()) ON CONFLICT ("phone") DO NOTHING`;
  return tx.person.findUniqueOrThrow({ where: { phone }, select: { id: true, name: true } });
}

/** As personByPhone when a phone is known; a new person without a phone otherwise (never matched to anyone). */
export async function personByPhoneOrNew(tx: TTx, name: string, phone: string | null | undefined): Promise<{ id: number; name: string }> {
  return phone ? personByPhone(tx, name, phone) : tx.person.create({ data: { name }, select: { id: true, name: true } });
}
