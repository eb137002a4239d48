import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import '../shared/style.css';
import { Field } from '../shared/ui';
import { formValues, useAction } from './action';
import { Community } from './Community';
import { Drafts } from './Drafts';
import { Editor, NewDraft } from './Editor';
import { Needs } from './Needs';
import { Outcome } from './Notice';
import { OurWork } from './OurWork';
import { RecordUse } from './RecordUse';
import { COMMUNITY, mayManageTokens, savedToken, signIn, signOut, type Session } from './session';
import { Tokens } from './Tokens';

/** The desk routes in the fragment (#drafts, #edit/<id>, …): the server serves one page at /desk. */
const route = () => location.hash.replace(/^#/, '') || 'drafts';

function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const action = useAction();
  const onSubmit = (event: Event) => {
    const { token } = formValues(event);
    void action.run(async () => onSignedIn(await signIn(token ?? '')), 'Signed in.');
  };
  return (
    <main id="content">
      <h1>Publishing desk of {COMMUNITY}</h1>
      <p>Sign in with the token a steward or admin gave you. It is kept in this tab only.</p>
      <form onSubmit={onSubmit}>
        <Field label="Token">
          {(id) => <input id={id} name="token" type="password" autocomplete="off" size={50} />}
        </Field>
        <button type="submit" disabled={action.busy}>
          Sign in
        </button>
        <Outcome action={action} />
      </form>
    </main>
  );
}

function Page({ session, at }: { session: Session; at: string }) {
  if (at === 'new') return <NewDraft session={session} />;
  if (at.startsWith('edit/')) return <Editor session={session} id={decodeURIComponent(at.slice(5))} />;
  if (at === 'commons') return <OurWork session={session} />;
  if (at === 'record') return <RecordUse session={session} />;
  if (at === 'needs') return <Needs session={session} />;
  if (at === 'community') return <Community session={session} />;
  if (at === 'tokens' && mayManageTokens(session)) return <Tokens session={session} />;
  return <Drafts session={session} />;
}

function Desk() {
  const [session, setSession] = useState<Session | null>(null);
  const [checking, setChecking] = useState(Boolean(savedToken()));
  const [at, setAt] = useState(route);
  useEffect(() => {
    const token = savedToken();
    if (token) {
      signIn(token)
        .then(setSession, () => signOut())
        .finally(() => setChecking(false));
    }
    const onHash = () => setAt(route());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  if (checking) return <p aria-live="polite">Signing in…</p>;
  if (!session) return <SignIn onSignedIn={setSession} />;
  const links: Array<[string, string]> = [
    ['drafts', 'Our artifacts'],
    ['new', 'New draft'],
    ['commons', 'What the Commons did with our work'],
    ['record', 'Record what we use'],
    ['needs', 'Needs'],
    ['community', 'Our community'],
    ...(mayManageTokens(session) ? [['tokens', 'Tokens'] as [string, string]] : []),
  ];
  return (
    <>
      <header class="site">
        <span class="brand">{COMMUNITY} desk</span>
        <nav aria-label="Desk">
          <ul>
            {links.map(([href, label]) => (
              <li key={href}>
                <a href={`#${href}`} aria-current={at === href ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <span class="who">
          {session.name} ({session.role.toLowerCase()}){' '}
          <button
            type="button"
            class="secondary"
            onClick={() => {
              signOut();
              setSession(null);
            }}
          >
            Sign out
          </button>
        </span>
      </header>
      <main id="content">
        <Page session={session} at={at} />
      </main>
    </>
  );
}

render(<Desk />, document.getElementById('app')!);
