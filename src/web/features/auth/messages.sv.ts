/** Texts of logging in, Swedish first. `messages.en.ts` must have the same keys. */
export const sv = {
  login: { title: 'Logga in', email: 'E-post', password: 'Lösenord', submit: 'Logga in', busy: 'Loggar in…' },
};
