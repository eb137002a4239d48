import type {
  CommonsReportQuery,
  CommonsReportQueryVariables,
  LineageQuery,
  LineageQueryVariables,
  NodesQuery,
  NodesQueryVariables,
} from '../generated/report-operations';

/**
 * The operations the report client sends a gateway. `npm run codegen` reads them here (the
 * `GraphQL` comment marks each) and types their answers from schema/commons.graphql, so a report
 * is described once: by the schema and the selection below.
 */

/** An operation's text, carrying the types generated for its answer and its variables. */
export type TypedOperation<Result, Variables> = string & {
  readonly __answer?: Result;
  readonly __variables?: Variables;
};

/** Types an operation's text (a plain call, not `as`: codegen finds the text through its comment). */
const operation = <Result, Variables>(text: string) => text as TypedOperation<Result, Variables>;

export const NODES = operation<NodesQuery, NodesQueryVariables>(/* GraphQL */ `
  query Nodes {
    nodes {
      slug
      status
    }
  }
`);

export const REPORT = operation<CommonsReportQuery, CommonsReportQueryVariables>(/* GraphQL */ `
  query CommonsReport($from: DateTime!, $to: DateTime!) {
    commonsReport(from: $from, to: $to) {
      from
      to
      unavailableCommunities
      crossCommunityAdoptionShare
      fewestCommunitiesForHalfOfArtifacts
      reciprocity
      reciprocalCommunities
      dormantCommunities
      communities {
        community {
          slug
          name
        }
        decaySigns
        replant
        metrics {
          key
          label
          value
          unit
          state
          detail
          evidence
        }
      }
      adoptionMatrix {
        adopter
        origin
        count
      }
      lineageReach {
        artifactId
        title
        communitiesReached
        artifactsReached
      }
      licenceConflicts {
        derivativeId
        sourceId
        relation
        rule
        community
      }
      unansweredNeeds {
        id
        title
        community
        postedAt
      }
      monthlyFlow {
        community
        month
        count
      }
      responseTimes {
        community
        feedbackId
        days
      }
    }
  }
`);

export const LINEAGE = operation<LineageQuery, LineageQueryVariables>(/* GraphQL */ `
  query Lineage($id: ID!) {
    artifact(id: $id) {
      id
      title
      lineage(direction: BOTH, maxDepth: 5) {
        nodes {
          id
          title
          community {
            slug
          }
        }
        edges {
          sourceId
          derivativeId
          relation
        }
      }
    }
  }
`);
