import type { sv } from './messages.sv.ts';

/** English texts of logging in; the type keeps them complete against the Swedish. */
export const en: typeof sv = {
  login: { title: 'Log in', email: 'E-mail', password: 'Password', submit: 'Log in', busy: 'Logging in…' },
};
