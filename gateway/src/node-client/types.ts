/** What nodes answer, as the gateway reads it. */
/** Always has the routing and ordering fields; the rest only if the client's selection needs them. */
export interface NodeArtifact {
  id: string;
  community: string;
  publishedAt: string;
  licence?: { spdx: string };
  derivedFrom?: NodeDerivation[];
  [field: string]: unknown;
}
/** An artifact fetched for `lineage` or `licenceCheck`, whose selection includes these (NODE_FIELDS_FOR). */
export type LinkedArtifact = NodeArtifact & { licence: { spdx: string }; derivedFrom: NodeDerivation[] };

export interface NodeDerivation {
  id: string;
  artifactId: string;
  sourceId: string;
  relation: string;
  note: string | null;
  assertedBy: string;
  assertedAt: string;
}
export interface NodeAdoption {
  id: string;
  artifactId: string;
  community: string;
  adaptedAsId: string | null;
  [field: string]: unknown;
}
export interface NodeFeedback {
  id: string;
  artifactId: string;
  community: string;
  [field: string]: unknown;
}
export interface NodeResponse {
  id: string;
  feedbackId: string;
  artifactId: string;
  community: string;
  [field: string]: unknown;
}
export interface NodeNeed {
  id: string;
  community: string;
  [field: string]: unknown;
}
export interface NodeAnswer {
  id: string;
  needId: string;
  artifactId: string;
  community: string;
  [field: string]: unknown;
}
export interface NodeProfile {
  slug: string;
  name: string;
  description: string;
  region: string | null;
  website: string | null;
}
