import type DataLoader from 'dataloader';
import { checkAdaptation, isAdaptation } from '@commons-graph/schema';
import type { GatewayContext } from '../context';
import type { LinkedArtifact } from '../node-client/types';
import type { ArtifactSelection } from './artifact-selection';

/** Checks each adaptation edge up from an artifact against the shared licence table, across nodes. */
export async function licenceCheck(
  ctx: GatewayContext,
  selection: ArtifactSelection,
  artifact: LinkedArtifact,
) {
  const adaptations = artifact.derivedFrom.filter((link) => isAdaptation(link.relation));
  const sources = await (
    ctx.loaders.artifacts(selection) as DataLoader<string, LinkedArtifact | null>
  ).loadMany(adaptations.map((link) => link.sourceId));
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
