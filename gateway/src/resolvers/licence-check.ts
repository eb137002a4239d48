import { checkAdaptation, isAdaptation, readGlobalId } from '@commons-graph/schema';
import { inCanonicalOrder, TIME_OF } from '../canonical-order';
import type { GatewayContext } from '../context';
import type { ArtifactLoader } from '../loaders';
import type { ArtifactSelection } from '../node-client/fields';
import type { LinkedArtifact } from '../node-client/types';

/** Checks each adaptation edge up from an artifact against the shared licence table, across nodes. */
export async function licenceCheck(
  ctx: GatewayContext,
  selection: ArtifactSelection,
  artifact: LinkedArtifact,
) {
  const adaptations = inCanonicalOrder(artifact.derivedFrom, TIME_OF.derivation).filter((link) =>
    isAdaptation(link.relation),
  );
  const artifacts = ctx.loaders.artifacts(selection) as ArtifactLoader<LinkedArtifact>;
  // A source id was checked as a global id as the node's answer arrived; one that is not reads as
  // unread, and so does one whose loading failed (as DataLoader's loadMany gives it).
  const sources = await Promise.all(
    adaptations.map((link) => {
      const id = readGlobalId(link.sourceId);
      return id ? artifacts.load(id).catch((error: Error) => error) : Promise.resolve(null);
    }),
  );
  return adaptations.map((link, i) => {
    const source = sources[i];
    const base = {
      sourceId: link.sourceId,
      derivativeId: artifact.id,
      relation: link.relation,
      derivativeLicence: artifact.licence.spdx,
    };
    if (!source || source instanceof Error) {
      return {
        ...base,
        sourceLicence: null,
        allowed: null,
        rule: `The source ${link.sourceId} could not be read`,
      };
    }
    const check = checkAdaptation(source.licence.spdx, artifact.licence.spdx);
    return { ...base, sourceLicence: source.licence.spdx, allowed: check.allowed, rule: check.rule };
  });
}
