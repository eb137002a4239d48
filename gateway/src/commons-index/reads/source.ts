import { notFound } from '@commons-graph/schema';
import type { Registry } from '../../registry/Registry';
import type { CommonsSource } from '../../reads';
import { checkMaxDepth, LINEAGE_MAX_NODES } from '../../resolvers/lineage';
import type { CommonsIndex } from '../CommonsIndex';
import { indexArtifactPage } from './artifact-page';
import { indexAdoptionsReceived, indexFeedbackReceived, indexNeeds } from './community-links';
import { indexLineage } from './lineage';
import { indexLoaders, type Participants } from './loaders';
import { indexReport, indexVitality } from './report';
import { Staleness } from './staleness';
import { Followed } from './followed';

/**
 * The Commons answered from the index: no request to any node. Reads answer from the
 * communities the registry lists as participants, exactly those a live query would ask.
 */
export function indexSource(index: CommonsIndex, registry: Registry, freshnessMs: number): CommonsSource {
  const participants: Participants = () => registry.participants().map((node) => node.slug);
  const followed = new Followed(index);
  const staleness = new Staleness(index, followed, freshnessMs);
  // Listed once per request (by its context), not once per statement: the list is as long as the Commons.
  const listed = new WeakMap<object, string[]>();
  const ofRequest =
    (ctx: object): Participants =>
    () =>
      listed.get(ctx) ?? listed.set(ctx, participants()).get(ctx)!;
  return {
    name: 'index',
    loaders: (ctx) => indexLoaders(index, ofRequest(ctx)),
    reads: (ctx) => ({
      artifactPage: (selection, filter, first, after) =>
        indexArtifactPage(index, followed, ofRequest(ctx), selection, filter, first, after),
      needs: (status, community) => indexNeeds(index, ofRequest(ctx), status, community),
      adoptionsReceived: (community) => indexAdoptionsReceived(index, ofRequest(ctx), community),
      feedbackReceived: (community) => indexFeedbackReceived(index, ofRequest(ctx), community),
      report: (span, shows) => indexReport(index, ofRequest(ctx), span, shows),
      vitality: (community, span) => indexVitality(index, ofRequest(ctx), community, span),
      // Served from the index, a community is missing only until its first sync.
      unavailable: (community) =>
        notFound(`The Commons index has not synced "${community}" yet`, { community }),
      lineage: async (selection, root, direction, maxDepth) => {
        checkMaxDepth(maxDepth);
        return indexLineage(
          index,
          followed,
          ofRequest(ctx),
          root,
          direction,
          maxDepth,
          LINEAGE_MAX_NODES,
          selection,
        );
      },
    }),
    stale: (ctx) => staleness.of(ofRequest(ctx)()),
  };
}
