import { describeLicence, formatGlobalId } from '@commons-graph/schema';
import type * as E from '../entities';
import { PublicArtifactStatus } from '../entities/enums';
import type { Artifact } from './types/Artifact';
import type { Licence } from './types/Licence';
import type { PublishedVersion } from './types/PublishedVersion';
import type { Adoption, DerivationLink, Feedback, FeedbackResponse, Need, NeedAnswer } from './types/Links';

/**
 * Entity rows to public shapes. Artifact content comes only from an immutable published version,
 * never from a draft: the draft entity is not even imported here.
 */
export function toLicence(spdx: string): Licence {
  return describeLicence(spdx);
}

export function toPublicVersion(version: E.ArtifactVersion): PublishedVersion {
  const c = version.content;
  return {
    number: version.number,
    kind: c.kind,
    title: c.title,
    summary: c.summary,
    body: c.body,
    tags: c.tags,
    mediaUrl: c.mediaUrl ?? null,
    licence: toLicence(c.licence ?? ''),
    attribution: c.attribution ?? '',
    provenance: {
      authors: c.authors,
      aiAssisted: c.aiAssisted,
      aiTools: c.aiTools ?? null,
      reviewer: version.reviewer ?? null,
    },
    changeNote: version.changeNote ?? null,
    publishedAt: version.publishedAt,
  };
}

export function toPublicArtifact(slug: string, artifact: E.Artifact, version: E.ArtifactVersion): Artifact {
  const published = toPublicVersion(version);
  return {
    id: formatGlobalId(slug, artifact.handle),
    rowId: artifact.id,
    community: slug,
    status: artifact.status === 'RETIRED' ? PublicArtifactStatus.RETIRED : PublicArtifactStatus.PUBLISHED,
    kind: published.kind,
    title: published.title,
    summary: published.summary,
    body: published.body,
    tags: published.tags,
    mediaUrl: published.mediaUrl,
    licence: published.licence,
    attribution: published.attribution,
    provenance: published.provenance,
    version: version.number,
    publishedAt: artifact.firstPublishedAt ?? version.publishedAt,
    updatedAt: version.publishedAt,
    retiredAt: artifact.retiredAt ?? null,
    retirementReason: artifact.retirementReason ?? null,
  };
}

export function toDerivationLink(slug: string, link: E.Derivation, derivativeHandle: string): DerivationLink {
  return {
    id: formatGlobalId(slug, link.id),
    artifactId: formatGlobalId(slug, derivativeHandle),
    sourceId: link.sourceId,
    relation: link.relation,
    note: link.note ?? null,
    assertedBy: slug,
    assertedAt: link.assertedAt,
  };
}

/** `adaptedAsHandle` is null unless the derivative is published: a draft never leaks its id. */
export function toAdoption(slug: string, adoption: E.Adoption, adaptedAsHandle: string | null): Adoption {
  return {
    id: formatGlobalId(slug, adoption.id),
    artifactId: adoption.artifactId,
    community: slug,
    status: adoption.status,
    context: adoption.context,
    impact: adoption.impact ?? null,
    adaptedAsId: adaptedAsHandle ? formatGlobalId(slug, adaptedAsHandle) : null,
    recordedAt: adoption.recordedAt,
    updatedAt: adoption.updatedAt,
  };
}

export function toFeedback(slug: string, feedback: E.Feedback): Feedback {
  return {
    id: formatGlobalId(slug, feedback.id),
    artifactId: feedback.artifactId,
    community: slug,
    kind: feedback.kind,
    body: feedback.body,
    givenAt: feedback.givenAt,
  };
}

export function toResponse(slug: string, response: E.FeedbackResponse, artifactHandle: string): FeedbackResponse {
  return {
    id: formatGlobalId(slug, response.id),
    feedbackId: response.feedbackId,
    artifactId: formatGlobalId(slug, artifactHandle),
    community: slug,
    kind: response.kind,
    body: response.body,
    resultingVersion: response.resultingVersion ?? null,
    respondedAt: response.respondedAt,
  };
}

export function toNeed(slug: string, need: E.Need): Need {
  return {
    id: formatGlobalId(slug, need.id),
    community: slug,
    title: need.title,
    body: need.body,
    tags: need.tags,
    status: need.status,
    postedAt: need.postedAt,
    closedAt: need.closedAt ?? null,
  };
}

export function toNeedAnswer(slug: string, answer: E.NeedAnswer, artifactHandle: string): NeedAnswer {
  return {
    id: formatGlobalId(slug, answer.id),
    needId: answer.needId,
    artifactId: formatGlobalId(slug, artifactHandle),
    community: slug,
    note: answer.note ?? null,
    answeredAt: answer.answeredAt,
  };
}
