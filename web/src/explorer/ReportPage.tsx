import { Loading, Problems, day, useLoad } from '../shared/ui';
import { askCommons } from './commons';
import { artifactPath, communityPath } from './routes';
import { windowOf } from './window';
import { WindowPicker } from './WindowPicker';

const REPORT = `query Report($from: DateTime!, $to: DateTime!) {
  commonsReport(from: $from, to: $to) {
    unavailableCommunities crossCommunityAdoptionShare reciprocity dormantCommunities
    fewestCommunitiesForHalfOfArtifacts
    licenceConflicts { derivativeId sourceId relation rule community }
    unansweredNeeds { id title community postedAt }
    communities { community { slug name } decaySigns replant }
  }
}`;

interface ReportAnswer {
  commonsReport: {
    unavailableCommunities: string[];
    crossCommunityAdoptionShare: number | null;
    reciprocity: number | null;
    dormantCommunities: string[];
    fewestCommunitiesForHalfOfArtifacts: number;
    licenceConflicts: {
      derivativeId: string;
      sourceId: string;
      relation: string;
      rule: string;
      community: string;
    }[];
    unansweredNeeds: { id: string; title: string; community: string; postedAt: string }[];
    communities: { community: { slug: string; name: string }; decaySigns: number; replant: boolean }[];
  };
}

const percent = (share: number | null) =>
  share === null ? 'not measurable yet' : `${Math.round(share * 100)}%`;

/** The headline figures of the steward's report; the full HTML report comes from the CLI. */
export function ReportPage({ params }: { params: URLSearchParams }) {
  const window = windowOf(params);
  const [loaded] = useLoad(String(window.months), () =>
    askCommons<ReportAnswer>(REPORT, { from: window.from, to: window.to }),
  );
  return (
    <>
      <h1>Steward's report</h1>
      <WindowPicker path="/report" months={window.months} />
      <p class="muted">
        The full report with charts, as HTML, Markdown, CSV or JSON:{' '}
        <code>
          npx commons report --gateway {location.origin}/graphql --from {day(window.from)} --to{' '}
          {day(window.to)} --format html --out report.html
        </code>
      </p>
      <Loading loaded={loaded}>
        {({ data, problems }) => {
          const r = data!.commonsReport;
          return (
            <>
              <Problems problems={problems} />
              {r.unavailableCommunities.length ? (
                <p class="refused">Did not answer: {r.unavailableCommunities.join(', ')}</p>
              ) : null}
              <ul>
                <li>Adoptions across communities: {percent(r.crossCommunityAdoptionShare)}</li>
                <li>Reciprocity: {percent(r.reciprocity)}</li>
                <li>Communities holding half of the artifacts: {r.fewestCommunitiesForHalfOfArtifacts}</li>
                <li>Dormant: {r.dormantCommunities.join(', ') || 'none'}</li>
              </ul>
              <h2>Communities</h2>
              <ul>
                {r.communities.map((v) => (
                  <li key={v.community.slug}>
                    <a href={communityPath(v.community.slug)}>{v.community.name}</a>: {v.decaySigns} decay
                    signs
                    {v.replant ? ', time to replant' : ''}
                  </li>
                ))}
              </ul>
              <h2>Licence conflicts ({r.licenceConflicts.length})</h2>
              <ul>
                {r.licenceConflicts.map((c) => (
                  <li key={`${c.derivativeId}>${c.sourceId}`}>
                    <a href={artifactPath(c.derivativeId)}>{c.derivativeId}</a> {c.relation.toLowerCase()}{' '}
                    <a href={artifactPath(c.sourceId)}>{c.sourceId}</a>: {c.rule}
                  </li>
                ))}
              </ul>
              <h2>Unanswered needs ({r.unansweredNeeds.length})</h2>
              <ul>
                {r.unansweredNeeds.map((n) => (
                  <li key={n.id}>
                    {n.title} ({n.community}, {day(n.postedAt)})
                  </li>
                ))}
              </ul>
            </>
          );
        }}
      </Loading>
    </>
  );
}
