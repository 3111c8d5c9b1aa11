/** The refusal code a use case threw ("auth.forbidden", …), or "no refusal" if it went through. */
export const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'no refusal',
    (e: { code?: string }) => e.code ?? String(e),
  );
