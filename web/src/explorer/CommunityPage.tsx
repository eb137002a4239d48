import { ExternalLink, Loading, Problems, day, useLoad } from '../shared/ui';
import { kindInWords } from '../shared/kinds';
import { askCommons, type CommunityRef } from './commons';
import { artifactPath, communityPath } from './routes';
import { windowOf } from './window';
import { WindowPicker } from './WindowPicker';

const COMMUNITY = `query Community($slug: String!, $from: DateTime!, $to: DateTime!) {
  community(slug: $slug) {
    slug name description region website
    node { status }
    adoptionsGiven { id artifactId artifact { title community { slug name } } status impact }
    adoptionsReceived { id artifactId artifact { title } community { slug name } status impact }
    feedbackGiven { id artifactId artifact { title community { slug name } } kind }
    feedbackReceived { id artifactId artifact { title } community { slug name } kind responses { id } }
    vitality(from: $from, to: $to) {
      decaySigns replant
      metrics { key label value unit state detail evidence }
    }
  }
  needs { id title community { slug name } answers { id artifactId artifact { title } community { slug name } } }
}`;

interface Link {
  id: string;
  artifactId: string;
  artifact: { title: string; community?: CommunityRef } | null;
  community?: CommunityRef;
  status?: string;
  impact?: string | null;
  kind?: string;
  responses?: { id: string }[];
}

interface CommunityAnswer {
  community: null | {
    slug: string;
    name: string;
    description: string;
    region: string | null;
    website: string | null;
    node: { status: string } | null;
    adoptionsGiven: Link[];
    adoptionsReceived: Link[];
    feedbackGiven: Link[];
    feedbackReceived: Link[];
    vitality: {
      decaySigns: number;
      replant: boolean;
      metrics: {
        key: string;
        label: string;
        value: number | null;
        unit: string;
        state: string;
        detail: string;
        evidence: string[];
      }[];
    };
  };
  needs: {
    id: string;
    title: string;
    community: CommunityRef;
    answers: {
      id: string;
      artifactId: string;
      artifact: { title: string } | null;
      community: CommunityRef;
    }[];
  }[];
}

const titleOf = (link: { artifactId: string; artifact: { title: string } | null }) =>
  link.artifact?.title ?? link.artifactId;

function LinkList(props: {
  heading: string;
  links: Link[];
  describe: (link: Link) => string;
  other: 'origin' | 'giver';
}) {
  return (
    <section>
      <h3>
        {props.heading} ({props.links.length})
      </h3>
      <ul>
        {props.links.map((link) => {
          const other = props.other === 'origin' ? link.artifact?.community : link.community;
          return (
            <li key={link.id}>
              <a href={artifactPath(link.artifactId)}>{titleOf(link)}</a>
              {other ? (
                <>
                  {' '}
                  ({props.other === 'origin' ? 'from' : 'by'}{' '}
                  <a href={communityPath(other.slug)}>{other.name}</a>)
                </>
              ) : null}{' '}
              {props.describe(link)}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function CommunityPage({ slug, params }: { slug: string; params: URLSearchParams }) {
  const window = windowOf(params);
  const [loaded] = useLoad(`${slug}|${window.months}`, () =>
    askCommons<CommunityAnswer>(COMMUNITY, { slug, from: window.from, to: window.to }),
  );
  return (
    <Loading loaded={loaded}>
      {({ data, problems }) => {
        const c = data!.community;
        if (!c) return <h1>No community “{slug}”</h1>;
        document.title = `${c.name} · Commons explorer`;
        const adoption = (link: Link) =>
          `${link.status?.toLowerCase()}${link.impact ? `: ${link.impact}` : ''}`;
        const answersGiven = data!.needs.flatMap((need) =>
          need.answers.filter((a) => a.community.slug === c.slug).map((a) => ({ need, answer: a })),
        );
        const answersReceived = data!.needs
          .filter((need) => need.community.slug === c.slug)
          .flatMap((need) => need.answers.map((a) => ({ need, answer: a })));
        return (
          <>
            <h1>{c.name}</h1>
            <Problems problems={problems} />
            <p>{c.description}</p>
            <div class="facts">
              <span>
                <code>{c.slug}</code>
              </span>
              {c.region ? <span>{c.region}</span> : null}
              {c.website ? (
                <span>
                  <ExternalLink url={c.website} />
                </span>
              ) : null}
              <span>node {c.node?.status.toLowerCase() ?? 'unknown'}</span>
            </div>
            <p>
              <a href={`/?community=${encodeURIComponent(c.slug)}`}>Search this community's artifacts</a>
            </p>

            <h2>What it gave and received</h2>
            <LinkList
              heading="Adoptions it recorded"
              links={c.adoptionsGiven}
              describe={adoption}
              other="origin"
            />
            <LinkList
              heading="Adoptions of its work"
              links={c.adoptionsReceived}
              describe={adoption}
              other="giver"
            />
            <LinkList
              heading="Feedback it gave"
              links={c.feedbackGiven}
              describe={(l) => kindInWords(l.kind ?? '')}
              other="origin"
            />
            <LinkList
              heading="Feedback on its work"
              links={c.feedbackReceived}
              describe={(l) =>
                `${kindInWords(l.kind ?? '')}, ${l.responses?.length ? 'answered' : 'not answered yet'}`
              }
              other="giver"
            />
            <h3>Answers to needs</h3>
            <ul>
              {answersGiven.map(({ need, answer }) => (
                <li key={answer.id}>
                  offered <a href={artifactPath(answer.artifactId)}>{titleOf(answer)}</a> for “{need.title}” (
                  {need.community.name})
                </li>
              ))}
              {answersReceived.map(({ need, answer }) => (
                <li key={answer.id}>
                  {answer.community.name} offered{' '}
                  <a href={artifactPath(answer.artifactId)}>{titleOf(answer)}</a> for its need “{need.title}”
                </li>
              ))}
            </ul>

            <h2>Vitality</h2>
            <WindowPicker path={communityPath(c.slug)} months={window.months} />
            <p>
              Over the last {window.months} months ({day(window.from)} to {day(window.to)}):{' '}
              {c.vitality.decaySigns} decay {c.vitality.decaySigns === 1 ? 'sign' : 'signs'}
              {c.vitality.replant ? '; time to replant' : ''}.
            </p>
            <table>
              <caption class="visually-hidden">Vitality signs</caption>
              <thead>
                <tr>
                  <th scope="col">Sign</th>
                  <th scope="col">Value</th>
                  <th scope="col">State</th>
                  <th scope="col">Evidence</th>
                </tr>
              </thead>
              <tbody>
                {c.vitality.metrics.map((m) => (
                  <tr key={m.key}>
                    <td>{m.label}</td>
                    <td>
                      {m.value === null
                        ? 'nothing to measure'
                        : `${Math.round(m.value * 100) / 100} ${m.unit}`}
                    </td>
                    <td>
                      <span class="badge">{m.state.toLowerCase()}</span> {m.detail}
                    </td>
                    <td>{m.evidence.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        );
      }}
    </Loading>
  );
}
