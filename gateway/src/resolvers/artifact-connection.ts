import type { GraphQLResolveInfo } from 'graphql';
import { badInput, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@commons-graph/schema';
import type { GatewayContext } from '../context';
import type { NodeArtifact } from '../node-client/types';
import { artifactSelection } from './artifact-selection';

export function checkPageSize(first: number): void {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`, { argument: 'first' });
  }
}

/** An edge encodes its cursor only if the client asks for it. */
class ArtifactEdge {
  constructor(
    readonly node: NodeArtifact,
    readonly cursorOf: (artifact: NodeArtifact) => string,
  ) {}

  get cursor(): string {
    return this.cursorOf(this.node);
  }
}

/** One connection over the whole Commons, from whichever source the gateway reads. */
export async function artifactConnection(
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  filter: Record<string, unknown> | undefined,
  first: number = DEFAULT_PAGE_SIZE,
  after?: string | null,
) {
  checkPageSize(first);
  const selection = artifactSelection(info);
  const {
    artifacts: page,
    cursorOf,
    hasNextPage,
    totalCount,
  } = await ctx.reads.artifactPage(selection, filter, first, after);
  ctx.loaders.artifacts(selection).keep(page);
  return {
    edges: page.map((artifact) => new ArtifactEdge(artifact, cursorOf)),
    pageInfo: {
      hasNextPage,
      hasPreviousPage: Boolean(after),
      get startCursor() {
        return page.length ? cursorOf(page[0]) : null;
      },
      get endCursor() {
        return page.length ? cursorOf(page[page.length - 1]) : null;
      },
    },
    totalCount,
  };
}
