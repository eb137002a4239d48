import type { ComponentChildren } from 'preact';
import { artifactPath, communityPath } from './routes';

/** The steward's report as the explorer shows it: each part a table people can read and sort by eye. */
export interface ReportAnswer {
  commonsReport: {
    unavailableCommunities: string[];
    crossCommunityAdoptionShare: number | null;
    reciprocity: number | null;
    reciprocalCommunities: string[];
    dormantCommunities: string[];
    fewestCommunitiesForHalfOfArtifacts: number;
    communities: { community: { slug: string; name: string }; decaySigns: number; replant: boolean }[];
    adoptionMatrix: { adopter: string; origin: string; count: number }[];
    lineageReach: {
      artifactId: string;
      title: string;
      communitiesReached: number;
      artifactsReached: number;
    }[];
    monthlyFlow: { community: string; month: string; count: number }[];
    responseTimes: { community: string; feedbackId: string; days: number | null }[];
    danglingLinks: { community: string; count: number }[];
    licenceConflicts: {
      derivativeId: string;
      sourceId: string;
      relation: string;
      rule: string;
      community: string;
    }[];
    unansweredNeeds: { id: string; title: string; community: string; postedAt: string }[];
  };
}
export type Report = ReportAnswer['commonsReport'];

export const REPORT_QUERY = `query Report($from: DateTime!, $to: DateTime!) {
  commonsReport(from: $from, to: $to) {
    unavailableCommunities crossCommunityAdoptionShare reciprocity reciprocalCommunities dormantCommunities
    fewestCommunitiesForHalfOfArtifacts
    communities { community { slug name } decaySigns replant }
    adoptionMatrix { adopter origin count }
    lineageReach { artifactId title communitiesReached artifactsReached }
    monthlyFlow { community month count }
    responseTimes { community feedbackId days }
    danglingLinks { community count }
    licenceConflicts { derivativeId sourceId relation rule community }
    unansweredNeeds { id title community postedAt }
  }
}`;

/** How many of the longest lists the page shows; the CLI's report has them all. */
const SHOWN = 20;

const percent = (share: number | null) =>
  share === null ? 'not measurable yet' : `${Math.round(share * 100)}%`;
const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

function Section(props: { title: string; empty: boolean; none: string; children: ComponentChildren }) {
  return (
    <section>
      <h2>{props.title}</h2>
      {props.empty ? <p class="muted">{props.none}</p> : props.children}
    </section>
  );
}

const CommunityLink = ({ slug }: { slug: string }) => <a href={communityPath(slug)}>{slug}</a>;

export function Headlines({ report }: { report: Report }) {
  return (
    <ul>
      <li>Adoptions across communities: {percent(report.crossCommunityAdoptionShare)}</li>
      <li>
        Reciprocity: {percent(report.reciprocity)}
        {report.reciprocalCommunities.length ? ` (${report.reciprocalCommunities.join(', ')})` : ''}
      </li>
      <li>Communities holding half of the artifacts: {report.fewestCommunitiesForHalfOfArtifacts}</li>
      <li>Dormant: {report.dormantCommunities.join(', ') || 'none'}</li>
    </ul>
  );
}

export function Communities({ report }: { report: Report }) {
  return (
    <Section title="Communities" empty={report.communities.length === 0} none="No community answered.">
      <table>
        <thead>
          <tr>
            <th scope="col">Community</th>
            <th scope="col">Decay signs</th>
            <th scope="col">Time to replant</th>
          </tr>
        </thead>
        <tbody>
          {report.communities.map((v) => (
            <tr key={v.community.slug}>
              <th scope="row">
                <a href={communityPath(v.community.slug)}>{v.community.name}</a>
              </th>
              <td>{v.decaySigns}</td>
              <td>{v.replant ? 'yes' : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

/** Counts by row and column (each row a community), zero where a pair has none. */
function CountTable(props: {
  rowHeading: string;
  cells: { row: string; column: string; count: number }[];
  caption?: string;
}) {
  const rows = sorted(props.cells.map((c) => c.row));
  const columns = sorted(props.cells.map((c) => c.column));
  const count = new Map(props.cells.map((c) => [`${c.row}\n${c.column}`, c.count]));
  return (
    <table>
      {props.caption ? <caption class="muted">{props.caption}</caption> : null}
      <thead>
        <tr>
          <th scope="col">{props.rowHeading}</th>
          {columns.map((column) => (
            <th scope="col" key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row}>
            <th scope="row">
              <CommunityLink slug={row} />
            </th>
            {columns.map((column) => (
              <td key={column}>{count.get(`${row}\n${column}`) ?? 0}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Who adopted whose work: adopters down, origins across. */
export function AdoptionMatrix({ report }: { report: Report }) {
  return (
    <Section
      title="Who adopts whose work"
      empty={report.adoptionMatrix.length === 0}
      none="No adoptions in this window."
    >
      <CountTable
        rowHeading="Adopter"
        caption="Adopting community (rows) and the community whose work it adopted (columns)"
        cells={report.adoptionMatrix.map((c) => ({ row: c.adopter, column: c.origin, count: c.count }))}
      />
    </Section>
  );
}

export function LineageReach({ report }: { report: Report }) {
  const reach = report.lineageReach.slice(0, SHOWN);
  return (
    <Section title="Farthest-reaching work" empty={reach.length === 0} none="No derivations yet.">
      <table>
        <thead>
          <tr>
            <th scope="col">Artifact</th>
            <th scope="col">Other communities reached</th>
            <th scope="col">Artifacts derived from it</th>
          </tr>
        </thead>
        <tbody>
          {reach.map((r) => (
            <tr key={r.artifactId}>
              <th scope="row">
                <a href={artifactPath(r.artifactId)}>{r.title}</a>
              </th>
              <td>{r.communitiesReached}</td>
              <td>{r.artifactsReached}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

/** Publications per community and month. */
export function MonthlyFlow({ report }: { report: Report }) {
  return (
    <Section
      title="Artifacts published per month"
      empty={report.monthlyFlow.length === 0}
      none="Nothing flowed in this window."
    >
      <CountTable
        rowHeading="Community"
        cells={report.monthlyFlow.map((p) => ({ row: p.community, column: p.month, count: p.count }))}
      />
    </Section>
  );
}

const median = (values: number[]) => {
  const ordered = [...values].sort((a, b) => a - b);
  const middle = Math.floor(ordered.length / 2);
  return ordered.length % 2 ? ordered[middle] : (ordered[middle - 1] + ordered[middle]) / 2;
};

/** Per community, how soon feedback on its work was first answered. */
export function ResponseTimes({ report }: { report: Report }) {
  const communities = sorted(report.responseTimes.map((r) => r.community));
  const rows = communities.map((community) => {
    const mine = report.responseTimes.filter((r) => r.community === community);
    const answered = mine.flatMap((r) => (r.days === null ? [] : [r.days]));
    return { community, feedback: mine.length, answered, unanswered: mine.length - answered.length };
  });
  return (
    <Section title="Answering feedback" empty={rows.length === 0} none="No feedback in this window.">
      <table>
        <thead>
          <tr>
            <th scope="col">Community</th>
            <th scope="col">Feedback received</th>
            <th scope="col">Unanswered</th>
            <th scope="col">Median days to a first response</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.community}>
              <th scope="row">
                <CommunityLink slug={r.community} />
              </th>
              <td>{r.feedback}</td>
              <td>{r.unanswered}</td>
              <td>{r.answered.length ? median(r.answered).toFixed(1) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

export function DanglingLinks({ report }: { report: Report }) {
  const dangling = report.danglingLinks.filter((d) => d.count > 0);
  return (
    <Section
      title="Links to artifacts nobody holds"
      empty={dangling.length === 0}
      none="Every link points at an artifact the Commons holds."
    >
      <ul>
        {dangling.map((d) => (
          <li key={d.community}>
            <CommunityLink slug={d.community} />: {d.count}
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function LicenceConflicts({ report }: { report: Report }) {
  return (
    <Section
      title={`Licence conflicts (${report.licenceConflicts.length})`}
      empty={report.licenceConflicts.length === 0}
      none="No derivation breaks its source's licence."
    >
      <ul>
        {report.licenceConflicts.map((c) => (
          <li key={`${c.derivativeId}>${c.sourceId}`}>
            <a href={artifactPath(c.derivativeId)}>{c.derivativeId}</a> {c.relation.toLowerCase()}{' '}
            <a href={artifactPath(c.sourceId)}>{c.sourceId}</a>: {c.rule}
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function UnansweredNeeds({ report, day }: { report: Report; day: (iso: string) => string }) {
  const needs = report.unansweredNeeds.slice(0, SHOWN);
  return (
    <Section
      title={`Unanswered needs (${report.unansweredNeeds.length})`}
      empty={needs.length === 0}
      none="Every need has an answer."
    >
      <ul>
        {needs.map((n) => (
          <li key={n.id}>
            {n.title} (<CommunityLink slug={n.community} />, {day(n.postedAt)})
          </li>
        ))}
      </ul>
    </Section>
  );
}
