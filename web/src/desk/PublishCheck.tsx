import { DERIVATIVE_RELATIONS, licenceAllows, type LicenceFacts } from '../shared/words';
import { Loading, useLoad } from '../shared/ui';
import type { Content } from './ContentFields';
import { GATEWAY, commonsAsk } from './session';
import type { SourceLink } from './SourceLinks';

const SOURCE = `query Source($id: ID!) { artifact(id: $id) { id title community { name }
  licence { spdx name allowsDerivatives shareAlike commercialUse attributionRequired } } }`;

interface Source {
  id: string;
  title: string;
  community: { name: string };
  licence: LicenceFacts;
}

/**
 * Before publishing, in words: what publishing needs (the API checks it again) and what each
 * source's licence allows. The sources are read through the gateway, wherever they live.
 */
export function PublishCheck(props: {
  artifact: { id: string; derivedFrom: SourceLink[] };
  content: Partial<Content>;
}) {
  const c = props.content;
  const needs: Array<[boolean, string]> = [
    [Boolean(c.licence), 'a licence (an SPDX id)'],
    [Boolean(c.attribution), 'an attribution'],
    [(c.authors ?? []).length > 0, 'at least one named human author'],
    ...(c.aiAssisted
      ? [[false, 'a named human reviewer, since AI assisted (give one below)'] as [boolean, string]]
      : []),
  ];
  const adaptations = props.artifact.derivedFrom.filter((link) => DERIVATIVE_RELATIONS.has(link.relation));
  const key = adaptations.map((link) => link.sourceId).join(',');
  const [sources] = useLoad(key, async () =>
    GATEWAY
      ? Promise.all(
          adaptations.map((link) =>
            commonsAsk<{ artifact: Source | null }>(SOURCE, { id: link.sourceId })
              .then((answer) => ({ link, source: answer.artifact }))
              .catch(() => ({ link, source: null })),
          ),
        )
      : adaptations.map((link) => ({ link, source: null as Source | null })),
  );
  return (
    <section class="card publish-check" aria-labelledby="publish-check-heading">
      <h2 id="publish-check-heading">Before publishing</h2>
      <ul>
        {needs.map(([met, what]) => (
          <li key={what} class={met ? 'ok' : 'refused'}>
            {met ? 'Has' : 'Needs'} {what}.
          </li>
        ))}
      </ul>
      {adaptations.length === 0 ? (
        <p>It adapts no other work, so no source licence limits it.</p>
      ) : (
        <Loading loaded={sources}>
          {(list) => (
            <ul class="source-licences">
              {list.map(({ link, source }) => (
                <li key={link.id}>
                  It {link.relation.toLowerCase()} <code>{link.sourceId}</code>
                  {source
                    ? ` (${source.title}, ${source.community.name}), licensed ${source.licence.spdx}: ${licenceAllows(source.licence).join(' ')}`
                    : ': its licence could not be read here; publishing checks it where it can.'}
                  {source?.licence.shareAlike && source.licence.allowsDerivatives
                    ? ` So this artifact must be licensed ${source.licence.spdx} too (yours: ${c.licence ?? 'none yet'}).`
                    : ''}
                </li>
              ))}
            </ul>
          )}
        </Loading>
      )}
    </section>
  );
}
