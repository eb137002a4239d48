import { Field, Loading, day, useLoad } from '../shared/ui';
import { formValues, listOf, useAction } from './action';
import { Outcome } from './Notice';
import { PUBLIC_URL, adminAsk, mayPublish, type Session } from './session';
import { request } from '../shared/graphql';

const PROFILE = `{ community { name description region website
  contributionRoles { id personName role hoursPerMonth resourcedHoursPerMonth startsOn endsOn } } }`;
const CYCLES = `{ learningCycles { id cadence startsOn endsOn becameClear surprised failed isPublic harvestedArtifactIds } }`;

interface Profile {
  name: string;
  description: string;
  region: string | null;
  website: string | null;
  contributionRoles: {
    id: string;
    personName: string;
    role: string;
    hoursPerMonth: number;
    resourcedHoursPerMonth: number;
    startsOn: string;
    endsOn: string | null;
  }[];
}

interface Cycle {
  id: string;
  cadence: string;
  startsOn: string;
  endsOn: string;
  becameClear: string;
  surprised: string;
  failed: string;
  isPublic: boolean;
  harvestedArtifactIds: string[];
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Our community as the Commons sees it: the profile, who does the translation work (contribution
 * roles) and what we learned (learning cycles). Members read; stewards and admins change.
 */
export function Community({ session }: { session: Session }) {
  const steward = mayPublish(session);
  const [profile, reloadProfile] = useLoad('profile', () =>
    request<{ community: Profile }>(PUBLIC_URL, PROFILE).then((a) => a.community),
  );
  const [cycles, reloadCycles] = useLoad('cycles', () =>
    adminAsk<{ learningCycles: Cycle[] }>(session, CYCLES).then((a) => a.learningCycles),
  );
  return (
    <>
      <h1>Our community</h1>
      <Loading loaded={profile}>
        {(p) => (
          <>
            {steward ? (
              <ProfileForm session={session} profile={p} onSaved={reloadProfile} />
            ) : (
              <ProfileView profile={p} />
            )}
            <Roles
              session={session}
              roles={p.contributionRoles}
              steward={steward}
              onChanged={reloadProfile}
            />
          </>
        )}
      </Loading>
      <h2>Learning cycles</h2>
      {steward ? <RecordCycle session={session} onRecorded={reloadCycles} /> : null}
      <Loading loaded={cycles}>
        {(list) =>
          list.length === 0 ? (
            <p class="muted">No learning cycle recorded yet.</p>
          ) : (
            <ul class="plain">
              {list.map((cycle) => (
                <li key={cycle.id} class="card">
                  <strong>
                    {cycle.cadence.toLowerCase()} cycle {cycle.startsOn} to {cycle.endsOn}
                  </strong>{' '}
                  ({cycle.isPublic ? 'shared with the Commons' : 'kept inside the community'})
                  <dl>
                    <dt>What became clear</dt>
                    <dd class="body-text">{cycle.becameClear || '—'}</dd>
                    <dt>What surprised us</dt>
                    <dd class="body-text">{cycle.surprised || '—'}</dd>
                    <dt>What failed</dt>
                    <dd class="body-text">{cycle.failed || '—'}</dd>
                  </dl>
                  {cycle.harvestedArtifactIds.length ? (
                    <p>Harvested: {cycle.harvestedArtifactIds.join(', ')}</p>
                  ) : null}
                </li>
              ))}
            </ul>
          )
        }
      </Loading>
    </>
  );
}

function ProfileView({ profile }: { profile: Profile }) {
  return (
    <section class="card">
      <h2>Profile</h2>
      <dl>
        <dt>Name</dt>
        <dd>{profile.name}</dd>
        <dt>Description</dt>
        <dd class="body-text">{profile.description || '—'}</dd>
        <dt>Region</dt>
        <dd>{profile.region ?? '—'}</dd>
        <dt>Website</dt>
        <dd>{profile.website ?? '—'}</dd>
      </dl>
    </section>
  );
}

function ProfileForm(props: { session: Session; profile: Profile; onSaved: () => void }) {
  const action = useAction();
  const onSave = (event: Event) => {
    const v = formValues(event, { keepEmpty: true });
    void action.run(
      () =>
        adminAsk(
          props.session,
          `mutation Profile($input: ProfileInput!) { updateProfile(input: $input) { slug } }`,
          { input: { name: v.name, description: v.description, region: v.region, website: v.website } },
        ),
      'Profile saved.',
      props.onSaved,
    );
  };
  const { profile } = props;
  return (
    <form class="card" onSubmit={onSave} aria-label="Profile">
      <h2>Profile</h2>
      <Field label="Name" problem={action.about('name')}>
        {(id, d) => <input id={id} name="name" defaultValue={profile.name} size={50} aria-describedby={d} />}
      </Field>
      <Field label="Description" problem={action.about('description')}>
        {(id, d) => (
          <textarea
            id={id}
            name="description"
            rows={3}
            defaultValue={profile.description}
            aria-describedby={d}
          />
        )}
      </Field>
      <Field label="Region" problem={action.about('region')}>
        {(id, d) => <input id={id} name="region" defaultValue={profile.region ?? ''} aria-describedby={d} />}
      </Field>
      <Field label="Website" problem={action.about('website')}>
        {(id, d) => (
          <input id={id} name="website" defaultValue={profile.website ?? ''} size={50} aria-describedby={d} />
        )}
      </Field>
      <button type="submit" disabled={action.busy}>
        Save profile
      </button>
      <Outcome action={action} />
    </form>
  );
}

function Roles(props: {
  session: Session;
  roles: Profile['contributionRoles'];
  steward: boolean;
  onChanged: () => void;
}) {
  const add = useAction();
  const onAdd = (event: Event) => {
    const v = formValues(event);
    void add.run(
      () =>
        adminAsk(
          props.session,
          `mutation Role($input: ContributionRoleInput!) { addContributionRole(input: $input) { id } }`,
          {
            input: {
              personName: v.personName ?? '',
              role: v.role ?? '',
              hoursPerMonth: Number(v.hoursPerMonth ?? 0),
              resourcedHoursPerMonth: Number(v.resourcedHoursPerMonth ?? 0),
              startsOn: v.startsOn ?? today(),
            },
          },
        ),
      'Role added.',
      props.onChanged,
    );
  };
  return (
    <section>
      <h2>Who does the translation work</h2>
      {props.roles.length === 0 ? <p class="muted">No contribution role recorded yet.</p> : null}
      <ul class="plain">
        {props.roles.map((r) => (
          <li key={r.id} class="card">
            <strong>{r.personName}</strong>, {r.role}: {r.hoursPerMonth} hours a month,{' '}
            {r.resourcedHoursPerMonth} of them resourced, since {day(r.startsOn)}
            {r.endsOn ? `, until ${day(r.endsOn)}` : ''}
            {props.steward && !r.endsOn ? (
              <EndRole session={props.session} role={r} onEnded={props.onChanged} />
            ) : null}
          </li>
        ))}
      </ul>
      {props.steward ? (
        <form class="card" onSubmit={onAdd} aria-label="Add a contribution role">
          <h3>Add a role</h3>
          <Field label="Person" problem={add.about('personName')}>
            {(id, d) => <input id={id} name="personName" aria-describedby={d} />}
          </Field>
          <Field
            label="Role"
            hint="e.g. translator, liaison, knowledge secretary"
            problem={add.about('role')}
          >
            {(id, d) => <input id={id} name="role" aria-describedby={d} />}
          </Field>
          <Field label="Hours a month" problem={add.about('hoursPerMonth')}>
            {(id, d) => (
              <input id={id} name="hoursPerMonth" type="number" min={0} step="any" aria-describedby={d} />
            )}
          </Field>
          <Field label="Of them resourced (paid or released)" problem={add.about('resourcedHoursPerMonth')}>
            {(id, d) => (
              <input
                id={id}
                name="resourcedHoursPerMonth"
                type="number"
                min={0}
                step="any"
                aria-describedby={d}
              />
            )}
          </Field>
          <Field label="Role starts on" problem={add.about('startsOn')}>
            {(id, d) => (
              <input id={id} name="startsOn" type="date" defaultValue={today()} aria-describedby={d} />
            )}
          </Field>
          <button type="submit" disabled={add.busy}>
            Add role
          </button>
          <Outcome action={add} />
        </form>
      ) : null}
    </section>
  );
}

function EndRole(props: {
  session: Session;
  role: Profile['contributionRoles'][number];
  onEnded: () => void;
}) {
  const action = useAction();
  const onEnd = (event: Event) => {
    const v = formValues(event);
    void action.run(
      () =>
        adminAsk(
          props.session,
          `mutation End($id: ID!, $endsOn: LocalDate!) { endContributionRole(id: $id, endsOn: $endsOn) { id } }`,
          { id: props.role.id, endsOn: v.endsOn ?? today() },
        ),
      'Role ended.',
      props.onEnded,
    );
  };
  return (
    <form class="row" onSubmit={onEnd} aria-label={`End the role of ${props.role.personName}`}>
      <Field label={`${props.role.personName}'s role ends on`} problem={action.about('endsOn')}>
        {(id, d) => <input id={id} name="endsOn" type="date" defaultValue={today()} aria-describedby={d} />}
      </Field>
      <div class="field">
        <button type="submit" class="secondary" disabled={action.busy}>
          End role
        </button>
      </div>
      <Outcome action={action} />
    </form>
  );
}

function RecordCycle({ session, onRecorded }: { session: Session; onRecorded: () => void }) {
  const action = useAction();
  const onRecord = (event: Event) => {
    const form = event.currentTarget as HTMLFormElement;
    const shared = (form.elements.namedItem('isPublic') as HTMLInputElement).checked;
    const v = formValues(event);
    void action.run(
      () =>
        adminAsk(
          session,
          `mutation Cycle($input: LearningCycleInput!) { recordLearningCycle(input: $input) { id } }`,
          {
            input: {
              cadence: v.cadence ?? 'MONTHLY',
              startsOn: v.startsOn ?? '',
              endsOn: v.endsOn ?? '',
              becameClear: v.becameClear ?? '',
              surprised: v.surprised ?? '',
              failed: v.failed ?? '',
              isPublic: shared,
              harvestedArtifactIds: listOf(v.harvestedArtifactIds),
            },
          },
        ),
      'Learning cycle recorded.',
      onRecorded,
    );
  };
  return (
    <form class="card" onSubmit={onRecord} aria-label="Record a learning cycle">
      <h3>Record a learning cycle</h3>
      <Field label="Cadence">
        {(id) => (
          <select id={id} name="cadence">
            <option value="MONTHLY">monthly</option>
            <option value="QUARTERLY">quarterly</option>
          </select>
        )}
      </Field>
      <Field label="Cycle starts on" problem={action.about('startsOn')}>
        {(id, d) => <input id={id} name="startsOn" type="date" aria-describedby={d} />}
      </Field>
      <Field label="Cycle ends on" problem={action.about('endsOn')}>
        {(id, d) => <input id={id} name="endsOn" type="date" aria-describedby={d} />}
      </Field>
      <Field label="What became clear" problem={action.about('becameClear')}>
        {(id, d) => <textarea id={id} name="becameClear" rows={2} aria-describedby={d} />}
      </Field>
      <Field label="What surprised us" problem={action.about('surprised')}>
        {(id, d) => <textarea id={id} name="surprised" rows={2} aria-describedby={d} />}
      </Field>
      <Field label="What failed" problem={action.about('failed')}>
        {(id, d) => <textarea id={id} name="failed" rows={2} aria-describedby={d} />}
      </Field>
      <Field
        label="Artifacts harvested"
        hint="ids of our published artifacts, comma-separated"
        problem={action.about('harvestedArtifactIds')}
      >
        {(id, d) => <input id={id} name="harvestedArtifactIds" size={60} aria-describedby={d} />}
      </Field>
      <div class="field">
        <label>
          <input type="checkbox" name="isPublic" /> Share this summary with the Commons
        </label>
      </div>
      <button type="submit" disabled={action.busy}>
        Record cycle
      </button>
      <Outcome action={action} />
    </form>
  );
}
