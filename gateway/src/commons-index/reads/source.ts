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
import { staleCommunities } from './staleness';

/**
 * The Commons answered from the index: no request to any node. Reads answer from the
 * communities the registry lists as participants, exactly those a live query would ask.
 */
export function indexSource(index: CommonsIndex, registry: Registry, freshnessMs: number): CommonsSource {
  const participants: Participants = () => registry.participants().map((node) => node.slug);
  return {
    name: 'index',
    loaders: () => indexLoaders(index, participants),
    reads: () => ({
      artifactPage: (_selection, filter, first, after) =>
        indexArtifactPage(index, participants, filter, first, after),
      needs: (status, community) => indexNeeds(index, participants, status, community),
      adoptionsReceived: (community) => indexAdoptionsReceived(index, participants, community),
      feedbackReceived: (community) => indexFeedbackReceived(index, participants, community),
      report: (span) => indexReport(index, participants, span),
      vitality: (community, span) => indexVitality(index, participants, community, span),
      // Served from the index, a community is missing only until its first sync.
      unavailable: (community) =>
        notFound(`The Commons index has not synced "${community}" yet`, { community }),
      lineage: async (_selection, root, direction, maxDepth) => {
        checkMaxDepth(maxDepth);
        return indexLineage(index, participants, root, direction, maxDepth, LINEAGE_MAX_NODES);
      },
    }),
    stale: () => staleCommunities(index, participants(), freshnessMs),
  };
}
