/** Demo sign-ins printed by `npm start` and listed in the README (accounts arrive with sign-in). */
export const DEMO_LOGINS = {
  password: 'yishi-demo-2026',
  accounts: [] as { phone: string; label: string }[],
};
