// The first screen: log in, create an account, or look around as a guest.
import type { GoChat, Session } from '../../../sdk/src/index.ts';
import { button, h } from '../dom.ts';
import { errorCode, errorText } from '../rest.ts';

const USERNAME = /^[A-Za-z0-9_.-]{3,32}$/;

function registerProblem(username: string, password: string): string | undefined {
  if (!USERNAME.test(username)) return "Usernames are 3–32 letters, digits, '_', '.' or '-'.";
  if (password.length < 8 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) return 'Passwords need at least 8 characters, with a letter and a digit.';
  return undefined;
}

function explain(err: unknown, action: 'login' | 'register' | 'guest'): string {
  const code = errorCode(err);
  if (action === 'login' && (code === 'UNAUTHORIZED' || code === 'NOT_FOUND')) return 'Wrong username or password.';
  if (action === 'register' && code === 'CONFLICT') return 'That username is taken. Try another one.';
  if (code === 'VALIDATION_ERROR') return action === 'login' ? 'Enter your username and password.' : 'Check the username and password.';
  return errorText(err);
}

export function loginView(client: GoChat, opts: { notice?: string | undefined; onSignedIn: (session: Session) => void }): HTMLElement {
  const username = h('input', { testid: 'login-username', attrs: { name: 'username', autocomplete: 'username', required: true, maxlength: 64, autofocus: true, spellcheck: 'false', autocapitalize: 'none' } });
  const password = h('input', { testid: 'login-password', attrs: { name: 'password', type: 'password', autocomplete: 'current-password', required: true, maxlength: 128 } });
  const error = h('p', { class: 'form-error', testid: 'login-error', attrs: { role: 'alert' } }, opts.notice ?? '');
  const loginButton = button('Log in', { kind: 'primary', type: 'submit', testid: 'login-submit' });
  const signupButton = button('Create account', { testid: 'signup-submit' });
  const guestButton = button('Continue as guest', { kind: 'link', testid: 'guest-submit' });
  const buttons = [loginButton, signupButton, guestButton];

  const run = async (action: 'login' | 'register' | 'guest') => {
    const name = username.value.trim();
    if (action === 'register') {
      const problem = registerProblem(name, password.value);
      if (problem) {
        error.textContent = problem;
        return;
      }
    } else if (action === 'login' && (!name || !password.value)) {
      error.textContent = 'Enter your username and password.';
      return;
    }
    error.textContent = '';
    for (const b of buttons) b.disabled = true;
    form.setAttribute('aria-busy', 'true');
    try {
      const session = action === 'guest' ? await client.guest() : action === 'register' ? await client.register(name, password.value) : await client.login(name, password.value);
      opts.onSignedIn(session);
    } catch (err) {
      error.textContent = explain(err, action);
      for (const b of buttons) b.disabled = false;
      form.removeAttribute('aria-busy');
    }
  };

  const form = h('form', {
    class: 'login-form',
    attrs: { novalidate: true },
    on: {
      submit: (e) => {
        e.preventDefault();
        void run('login');
      },
    },
  },
  h('label', { class: 'field' }, h('span', {}, 'Username'), username),
  h('label', { class: 'field' }, h('span', {}, 'Password'), password),
  error,
  h('div', { class: 'login-actions' }, loginButton, signupButton),
  h('div', { class: 'login-divider' }, h('span', {}, 'or')),
  guestButton,
  );
  signupButton.addEventListener('click', () => void run('register'));
  guestButton.addEventListener('click', () => void run('guest'));

  return h('main', { class: 'login', testid: 'login-view' },
    h('section', { class: 'login-card' },
      h('div', { class: 'brand brand-lg' }, h('span', { class: 'brand-mark' }, 'G'), h('span', {}, 'GoChat')),
      h('p', { class: 'login-lede' }, 'Chat with friends, in groups, or with everyone in the world room.'),
      form,
    ),
  );
}
