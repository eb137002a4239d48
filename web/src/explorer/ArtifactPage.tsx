import { ExternalLink, Loading, Problems, day, useLoad } from '../shared/ui';
import { kindInWords } from '../shared/kinds';
import { askCommons, type CommunityRef } from './commons';
import { LineageGraph, type LineageEdge, type LineageNode } from './LineageGraph';
import { artifactPath, communityPath } from './routes';
import { checkInWords, licenceAllows, type CheckFacts, type LicenceFacts } from '../shared/words';

const CHECK = 'sourceId derivativeId relation sourceLicence derivativeLicence allowed rule';
const ARTIFACT = `query Artifact($id: ID!) {
  artifact(id: $id) {
    id title kind status summary body tags mediaUrl attribution version publishedAt retiredAt retirementReason
    community { slug name }
    licence { spdx name url allowsDerivatives shareAlike commercialUse attributionRequired }
    provenance { authors aiAssisted aiTools reviewer }
    versions { number title changeNote publishedAt licence }
    adoptions { id status context impact recordedAt community { slug name } }
    feedback {
      id kind body givenAt community { slug name }
      responses { id kind body resultingVersion respondedAt community { slug name } }
    }
    licenceCheck { ${CHECK} }
    lineage(direction: BOTH, maxDepth: 3) {
      truncated
      nodes { id title community { slug name } licenceCheck { ${CHECK} } }
      edges { sourceId derivativeId relation assertedBy }
    }
  }
}`;

interface Said {
  id: string;
  kind: string;
  body: string;
  community: CommunityRef;
}

interface ArtifactAnswer {
  artifact: null | {
    id: string;
    title: string;
    kind: string;
    status: string;
    summary: string;
    body: string;
    tags: string[];
    mediaUrl: string | null;
    attribution: string;
    version: number;
    publishedAt: string;
    retiredAt: string | null;
    retirementReason: string | null;
    community: CommunityRef;
    licence: LicenceFacts & { url: string | null };
    provenance: { authors: string[]; aiAssisted: boolean; aiTools: string | null; reviewer: string | null };
    versions: {
      number: number;
      title: string;
      changeNote: string | null;
      publishedAt: string;
      licence: string;
    }[];
    adoptions: {
      id: string;
      status: string;
      context: string;
      impact: string | null;
      recordedAt: string;
      community: CommunityRef;
    }[];
    feedback: (Said & {
      givenAt: string;
      responses: (Said & { resultingVersion: number | null; respondedAt: string })[];
    })[];
    licenceCheck: CheckFacts[];
    lineage: { truncated: boolean; nodes: LineageNode[]; edges: LineageEdge[] };
  };
}

export function ArtifactPage({ id }: { id: string }) {
  const [loaded] = useLoad(id, () => askCommons<ArtifactAnswer>(ARTIFACT, { id }));
  return (
    <Loading loaded={loaded}>
      {({ data, problems }) =>
        data!.artifact ? (
          <Artifact artifact={data!.artifact} problems={problems} />
        ) : (
          <>
            <h1>No artifact “{id}”</h1>
            <Problems problems={problems} />
          </>
        )
      }
    </Loading>
  );
}

function Artifact({
  artifact: a,
  problems,
}: {
  artifact: NonNullable<ArtifactAnswer['artifact']>;
  problems: Parameters<typeof Problems>[0]['problems'];
}) {
  document.title = `${a.title} · Commons explorer`;
  return (
    <article>
      <p class="muted">
        {kindInWords(a.kind)} from <a href={communityPath(a.community.slug)}>{a.community.name}</a> ·{' '}
        <code>{a.id}</code>
      </p>
      <h1>{a.title}</h1>
      <Problems problems={problems} />
      {a.status === 'RETIRED' ? (
        <p class="refused">
          Retired on {day(a.retiredAt)}: {a.retirementReason}
        </p>
      ) : null}
      <div class="facts">
        <span>version {a.version}</span>
        <span>published {day(a.publishedAt)}</span>
        {a.tags.length ? <span>tags: {a.tags.join(', ')}</span> : null}
        {a.mediaUrl ? (
          <span>
            media: <ExternalLink url={a.mediaUrl} />
          </span>
        ) : null}
      </div>
      {a.summary ? <p>{a.summary}</p> : null}
      <div class="body-text card">{a.body}</div>

      <h2>Licence</h2>
      <p>
        <strong>{a.licence.spdx}</strong> ({a.licence.name}){a.licence.url ? ' · ' : ''}
        {a.licence.url ? <ExternalLink url={a.licence.url}>licence text</ExternalLink> : null}. Attribution:{' '}
        {a.attribution}
      </p>
      <ul>
        {licenceAllows(a.licence).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h3>Licence check</h3>
      {a.licenceCheck.length === 0 ? (
        <p>This artifact adapts no other work, so there is nothing to check.</p>
      ) : (
        <ul class="licence-check">
          {a.licenceCheck.map((check) => (
            <li key={check.sourceId} class={check.allowed === false ? 'refused' : check.allowed ? 'ok' : ''}>
              {checkInWords(check)}
            </li>
          ))}
        </ul>
      )}

      <h2>Provenance</h2>
      <p>
        By {a.provenance.authors.join(', ') || 'no named author'}.{' '}
        {a.provenance.aiAssisted
          ? `AI-assisted (${a.provenance.aiTools ?? 'tools not named'}), reviewed by ${a.provenance.reviewer ?? 'nobody named'}.`
          : 'No AI assistance.'}
      </p>

      <h2>History</h2>
      <ol class="versions">
        {a.versions.map((v) => (
          <li key={v.number}>
            Version {v.number}, {day(v.publishedAt)}: {v.title} ({v.licence})
            {v.changeNote ? ` — ${v.changeNote}` : ''}
          </li>
        ))}
      </ol>

      <h2>Adoptions ({a.adoptions.length})</h2>
      {a.adoptions.length === 0 ? <p>No community has recorded an adoption yet.</p> : null}
      <ul class="plain adoptions">
        {a.adoptions.map((adoption) => (
          <li key={adoption.id} class="card">
            <a href={communityPath(adoption.community.slug)}>{adoption.community.name}</a>{' '}
            <span class="badge">{adoption.status.toLowerCase()}</span> since {day(adoption.recordedAt)}
            <p>{adoption.context}</p>
            {adoption.impact ? <p>Impact: {adoption.impact}</p> : null}
          </li>
        ))}
      </ul>

      <h2>Feedback ({a.feedback.length})</h2>
      {a.feedback.length === 0 ? <p>No feedback yet.</p> : null}
      <ul class="plain feedback">
        {a.feedback.map((f) => (
          <li key={f.id} class="card">
            <a href={communityPath(f.community.slug)}>{f.community.name}</a>{' '}
            <span class="badge">{kindInWords(f.kind)}</span> {day(f.givenAt)}
            <p class="body-text">{f.body}</p>
            {f.responses.map((r) => (
              <blockquote key={r.id} class="response">
                <strong>{r.community.name}</strong> answered ({r.kind.toLowerCase()}
                {r.resultingVersion ? `, in version ${r.resultingVersion}` : ''}):{' '}
                <span class="body-text">{r.body}</span>
              </blockquote>
            ))}
            {f.responses.length === 0 ? <p class="muted">Not answered yet.</p> : null}
          </li>
        ))}
      </ul>

      <h2>Lineage</h2>
      {a.lineage.edges.length === 0 ? (
        <p>No derivation links to or from this artifact.</p>
      ) : (
        <>
          <LineageGraph rootId={a.id} nodes={a.lineage.nodes} edges={a.lineage.edges} />
          {a.lineage.truncated ? <p class="muted">More lineage lies beyond three steps.</p> : null}
          <ul>
            {a.lineage.edges.map((e) => (
              <li key={`${e.sourceId}>${e.derivativeId}>${e.relation}`}>
                <a href={artifactPath(e.derivativeId)}>{e.derivativeId}</a> {e.relation.toLowerCase()}{' '}
                <a href={artifactPath(e.sourceId)}>{e.sourceId}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
