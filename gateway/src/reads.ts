import type { GraphQLError } from 'graphql';
import type { Loaders } from './loaders';
import type { NodeAsker } from './node-asker';
import type { ArtifactSelection } from './node-client/fields';
import type {
  LinkedArtifact,
  NodeAdoption,
  NodeArtifact,
  NodeDerivation,
  NodeFeedback,
  NodeNeed,
} from './node-client/types';
import type { Span } from './reports/calendar';
import type { ReportInputs, ReportShows, VitalityInputs } from './reports/inputs';

/** What the live reads need of a request: asking nodes, and its loaders. */
export type Reader = NodeAsker & { loaders: Loaders };

/** One page of artifacts in the Commons order, with how to name the place after each. */
export interface ArtifactPage {
  artifacts: NodeArtifact[];
  cursorOf(artifact: NodeArtifact): string;
  hasNextPage: boolean;
  totalCount: number;
}

export type LineageDirection = 'UP' | 'DOWN' | 'BOTH';

/** Where a lineage starts: its id is all a walk needs (the root comes back among its artifacts). */
export type LineageRoot = Pick<LinkedArtifact, 'id'>;

/** A link a lineage walked, named as its edges name their ends. */
export type WalkedLink = NodeDerivation & { derivativeId: string };

/** A lineage edge as a read answers it: from the index, only the fields the operation selects. */
export type LineageEdge = Partial<WalkedLink>;

export interface LineageAnswer<Edge extends LineageEdge = LineageEdge> {
  rootId: string;
  nodes: LinkedArtifact[];
  edges: Edge[];
  depth: number;
  truncated: boolean;
}

/** A community whose last successful sync is older than the freshness bound. */
export interface StaleCommunity {
  community: string;
  syncedAt: string | null;
  lag: number;
}

/**
 * The Commons reads beyond the loaders, as both sources answer them: the nodes at query time
 * (`live`) or the Commons index (`index`). Resolvers call these and never ask which source it is.
 */
export interface CommonsReads {
  artifactPage(
    selection: ArtifactSelection,
    filter: Record<string, unknown> | undefined,
    first: number,
    after: string | null | undefined,
  ): Promise<ArtifactPage>;
  needs(status: string | null | undefined, community?: string): Promise<NodeNeed[]>;
  adoptionsReceived(community: string): Promise<NodeAdoption[]>;
  feedbackReceived(community: string): Promise<NodeFeedback[]>;
  /** What the report over a window reads of the whole Commons (reports/inputs.ts); its lists only if shown. */
  report(span: Span, shows: ReportShows): Promise<ReportInputs>;
  /** What one community's vitality over a window reads; null when its data could not be had. */
  vitality(community: string, span: Span): Promise<VitalityInputs | null>;
  /** The error for a community whose data could not be had (a node that did not answer, or one never synced). */
  unavailable(community: string): GraphQLError;
  lineage(
    selection: ArtifactSelection,
    root: LineageRoot,
    direction: LineageDirection,
    maxDepth: number,
  ): Promise<LineageAnswer>;
}

/** Where a request's answers come from: its loaders and its reads, and which communities are stale. */
export interface CommonsSource {
  readonly name: 'live' | 'index';
  loaders(ctx: NodeAsker): Loaders;
  reads(ctx: Reader): CommonsReads;
  /** The communities of a request whose data is older than the freshness bound (the live path has none). */
  stale(ctx: Reader): Promise<StaleCommunity[]>;
}
