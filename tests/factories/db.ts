import type { Prisma, PrismaClient } from '@/generated/prisma/client';

/** Factories work on the client or inside a transaction. */
export type TDbLike = PrismaClient | Prisma.TransactionClient;

/** "2025-07-01" → a Date at UTC midnight, as PostgreSQL DATE columns come back. */
export function day(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}
