import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { scopesOf } from '@/domain/authz/can';
import type { TPermission } from '@/domain/authz/permissions';
import type { TBy } from '@/server/accounts/by';
import { getSessionUser } from '@/server/auth/session';
import { UseCaseError } from '@/server/errors';
import { logRequestError, routeOf } from '@/server/log';
import type { TWho } from './command';
import { byOf } from './guards';

/**
 * Every route handler is a declared command too (issue 16, decision 035): `export const GET = handler({ who, input, run })`.
 * One wrapper parses the path's and query's parameters, authenticates by the session, checks the matrix and runs;
 * a bad parameter, a signed-out visitor, an actor without the permission and a refusal all get the same plain 404
 * (unless the route says otherwise), so that nothing reveals what exists. Unexpected errors are logged.
 *
 *  - `who: 'public'`: no session is read unless the route asks for it (`await ctx.viewer()`: the visitor, or null;
 *    no cookie, no lookup). Open311 authenticates by its API key inside, and sign-in by the password.
 *  - `input`: a zod object over the path's parameters and the query string (a route without one gets `{}`).
 */
type TRouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
type TByOf<W extends TWho> = W extends 'public' ? null : TBy;
export type THandlerContext = { req: Request; route: TRouteContext; viewer: () => Promise<TBy | null> };

export type THandler<W extends TWho, S extends z.ZodType> = {
  who: W;
  input?: S;
  run: (by: TByOf<W>, input: z.output<S>, ctx: THandlerContext) => Promise<Response>;
  /** The answer to bad parameters (default 404 Not found). */
  invalid?: () => Response;
  /** The answer to a refusal (default 404 Not found). */
  refused?: (e: UseCaseError) => Response | Promise<Response>;
};

export type TDeclaredRoute = ((req: Request, route: TRouteContext) => Promise<Response>) & { readonly declared: true };

const notFound = () => new Response('Not found', { status: 404 });

async function viewerOf(req: Request): Promise<TBy | null> {
  if (!req.headers.get('cookie')) return null;
  const user = await getSessionUser();
  return user && byOf(user);
}

/** The actor the route runs for, or null when it must answer "not found" (signed out, or without the permission). */
async function who(spec: { who: TWho }, viewer: () => Promise<TBy | null>): Promise<TBy | null | 'refused'> {
  if (spec.who === 'public') return null;
  const by = await viewer();
  if (!by) return 'refused';
  if (spec.who !== 'signed-in' && scopesOf(by.actor, spec.who as TPermission, by.today).length === 0) return 'refused';
  return by;
}

export function handler<W extends TWho, S extends z.ZodType = z.ZodObject<Record<string, never>>>(spec: THandler<W, S>): TDeclaredRoute {
  const route = async (req: Request, ctx: TRouteContext): Promise<Response> => {
    let viewed: Promise<TBy | null> | undefined;
    const viewer = () => (viewed ??= viewerOf(req));
    try {
      const raw = { ...Object.fromEntries(new URL(req.url).searchParams), ...((await ctx?.params) ?? {}) };
      const parsed = (spec.input ?? z.object({})).safeParse(raw);
      if (!parsed.success) return (spec.invalid ?? notFound)();
      const by = await who(spec, viewer);
      if (by === 'refused') return notFound();
      return await spec.run(by as TByOf<W>, parsed.data as z.output<S>, { req, route: ctx, viewer });
    } catch (e) {
      unstable_rethrow(e);
      if (e instanceof UseCaseError) return (spec.refused ?? notFound)(e);
      logRequestError('route', e, { method: req.method, route: routeOf(req.url) });
      return new Response('Internal Server Error', { status: 500 });
    }
  };
  return Object.assign(route, { declared: true as const });
}

/** A row id in a path, as the routes accept it (1 to 9 digits). */
export const ZRouteId = z
  .string()
  .regex(/^\d{1,9}$/)
  .transform(Number);
