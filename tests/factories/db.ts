import type { Prisma, PrismaClient } from '@/generated/prisma/client';
import { dateOnly } from '@/server/today';

/** Factories work on the client or inside a transaction. */
export type TDbLike = PrismaClient | Prisma.TransactionClient;

/** "2025-07-01" → the value of a date-only column (the app's one helper, decisions/025). */
export const day = (iso: string): Date => dateOnly(iso);
