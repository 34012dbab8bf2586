// GoChat in the browser: the sign-in screen, or the signed-in app for a session kept from
// before. The gateway that served this page is the API and the WebSocket too.
import './styles.css';
import { GoChat, type GoChatOptions, type Session } from '../../sdk/src/index.ts';
import { Directory } from './directory.ts';
import { replace } from './dom.ts';
import { errorCode } from './rest.ts';
import { clearSession, loadSession, saveSession } from './session.ts';
import { loginView } from './views/login.ts';
import { shell } from './views/shell.ts';

const root = document.getElementById('app')!;

const options: GoChatOptions = {
  baseUrl: location.origin,
  // A person waits for the reconnect: start soon, and never wait more than a few seconds.
  reconnect: { initialMs: 300, maxMs: 5000 },
  ackTimeoutMs: 8000,
};

let current: { dispose: () => void } | undefined;

function showLogin(notice?: string): void {
  current?.dispose();
  current = undefined;
  clearSession();
  document.title = 'GoChat';
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  const client = new GoChat(options);
  replace(root, loginView(client, {
    notice,
    onSignedIn: (session) => {
      saveSession(session);
      showApp(client, session);
    },
  }));
}

function showApp(client: GoChat, session: Session): void {
  current?.dispose();
  const dir = new Directory(client, session.user);
  let signedOut = false;
  const app = shell(client, dir, {
    onSignOut: (notice) => {
      if (signedOut) return;
      signedOut = true;
      void client.close().catch(() => undefined);
      showLogin(notice);
    },
  });
  current = app;
  replace(root, app.el);
  client.connect().catch((err: unknown) => {
    // The SDK reconnects by itself after the first ready; before it, only a refused token ends it.
    if (errorCode(err) === 'UNAUTHORIZED' && !signedOut) {
      signedOut = true;
      showLogin('Your session has ended. Please log in again.');
    }
  });
}

const saved = loadSession();
if (saved) showApp(new GoChat({ ...options, token: saved.token }), saved);
else showLogin();
