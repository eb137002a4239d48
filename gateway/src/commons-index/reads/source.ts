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
  // Kept by the registry while the participants stay the same: a request neither lists nor copies them.
  const participants: Participants = () => registry.participantSlugs();
  const followed = new Followed(index);
  const staleness = new Staleness(index, followed, freshnessMs);
  return {
    name: 'index',
    loaders: () => indexLoaders(index, participants),
    reads: () => ({
      artifactPage: (selection, filter, first, after) =>
        indexArtifactPage(index, followed, participants, selection, filter, first, after),
      needs: (status, community) => indexNeeds(index, participants, status, community),
      adoptionsReceived: (community) => indexAdoptionsReceived(index, participants, community),
      feedbackReceived: (community) => indexFeedbackReceived(index, participants, community),
      report: (span, shows) => indexReport(index, participants, span, shows),
      vitality: (community, span) => indexVitality(index, participants, community, span),
      // Served from the index, a community is missing only until its first sync.
      unavailable: (community) =>
        notFound(`The Commons index has not synced "${community}" yet`, { community }),
      lineage: async (selection, root, direction, maxDepth) => {
        checkMaxDepth(maxDepth);
        return indexLineage(
          index,
          followed,
          participants,
          root,
          direction,
          maxDepth,
          LINEAGE_MAX_NODES,
          selection,
        );
      },
    }),
    stale: () => staleness.of(participants()),
  };
}
