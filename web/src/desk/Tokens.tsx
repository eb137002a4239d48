import { useState } from 'preact/hooks';
import { Field, Loading, day, useLoad } from '../shared/ui';
import { formValues, useAction } from './action';
import { Outcome } from './Notice';
import { adminAsk, type Session } from './session';

const TOKENS = `{ tokens { id name role prefix createdAt lastUsedAt revokedAt } }`;

interface Token {
  id: string;
  name: string;
  role: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Admins hand out and revoke tokens; a new token is shown once and never again. */
export function Tokens({ session }: { session: Session }) {
  const action = useAction();
  const [created, setCreated] = useState<string | null>(null);
  const [tokens, reload] = useLoad('tokens', () => adminAsk<{ tokens: Token[] }>(session, TOKENS));
  const onCreate = (event: Event) => {
    const v = formValues(event);
    setCreated(null);
    void action.run(
      async () => {
        const { createToken } = await adminAsk<{ createToken: { token: string } }>(
          session,
          `mutation Create($input: TokenInput!) { createToken(input: $input) { token } }`,
          { input: { name: v.name ?? '', role: v.role } },
        );
        setCreated(createToken.token);
      },
      'Token created.',
      reload,
    );
  };
  const revoke = (id: string) =>
    void action.run(
      () => adminAsk(session, `mutation Revoke($id: ID!) { revokeToken(id: $id) { id } }`, { id }),
      'Token revoked.',
      reload,
    );
  return (
    <>
      <h1>Tokens</h1>
      <form class="row" onSubmit={onCreate} aria-label="Create a token">
        <Field label="Whose token" problem={action.about('name')}>
          {(id, d) => <input id={id} name="name" aria-describedby={d} />}
        </Field>
        <Field label="Role">
          {(id) => (
            <select id={id} name="role">
              <option value="MEMBER">member</option>
              <option value="STEWARD">steward</option>
              <option value="ADMIN">admin</option>
            </select>
          )}
        </Field>
        <div class="field">
          <button type="submit" disabled={action.busy}>
            Create token
          </button>
        </div>
      </form>
      <Outcome action={action} />
      {created ? (
        <p class="card">
          Give this token to its holder now; it is not shown again: <code class="new-token">{created}</code>
        </p>
      ) : null}
      <Loading loaded={tokens}>
        {({ tokens: list }) => (
          <table>
            <thead>
              <tr>
                <th scope="col">Holder</th>
                <th scope="col">Role</th>
                <th scope="col">Starts with</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>{t.role.toLowerCase()}</td>
                  <td>
                    <code>{t.prefix}</code>
                  </td>
                  <td>{day(t.lastUsedAt) || 'never'}</td>
                  <td>
                    {t.revokedAt ? (
                      `revoked ${day(t.revokedAt)}`
                    ) : (
                      <button type="button" class="danger" onClick={() => revoke(t.id)}>
                        Revoke {t.name}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loading>
    </>
  );
}
