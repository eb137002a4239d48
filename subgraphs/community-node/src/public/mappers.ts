import { describeLicence, formatGlobalId } from '@commons-graph/schema';
import { contentCopier, contentFieldsShownAs } from '../content/fields';
import { PublicArtifactStatus } from '../entities/enums';
import type { Artifact } from './types/Artifact';
import type { Licence } from './types/Licence';
import type { PublishedVersion } from './types/PublishedVersion';
import type { Adoption, DerivationLink, Feedback, FeedbackResponse, Need, NeedAnswer } from './types/Links';
import type {
  AdoptionRow,
  ArtifactRow,
  DerivationRow,
  FeedbackRow,
  NeedAnswerRow,
  NeedRow,
  ResponseRow,
  VersionRow,
} from './rows';

/**
 * Rows (or entities) to public shapes. Artifact content comes only from an immutable published
 * version, never from a draft: the draft entity is not even imported here.
 */
/** Licences by expression: a page repeats a few, and parsing one per row was a visible share of its CPU. */
const licences = new Map<string, Licence>();
const MAX_CACHED_LICENCES = 1000;

export function toLicence(spdx: string): Licence {
  let licence = licences.get(spdx);
  if (!licence) {
    if (licences.size >= MAX_CACHED_LICENCES) licences.clear();
    licence = describeLicence(spdx);
    licences.set(spdx, licence);
  }
  return licence;
}

const copyShownAsItself = contentCopier(contentFieldsShownAs('itself'));
const copyProvenance = contentCopier(contentFieldsShownAs('provenance'));

/** The published content the public schema shapes itself: licence terms, credit and provenance. */
function shapedContent(row: VersionRow) {
  return {
    licence: toLicence(row.licence ?? ''),
    attribution: row.attribution ?? '',
    provenance: copyProvenance(row, { reviewer: row.reviewer ?? null }),
  };
}

// Each mapper writes its object in one literal and copies the content fields onto it: spreading
// objects here made a page's mapping a hundred times slower.
export function toPublicVersion(version: VersionRow): PublishedVersion {
  const { licence, attribution, provenance } = shapedContent(version);
  return copyShownAsItself(version, {
    number: version.number,
    licence,
    attribution,
    provenance,
    changeNote: version.changeNote ?? null,
    publishedAt: version.publishedAt,
  });
}

/** An artifact shows its latest version's content. */
export function toPublicArtifact(slug: string, artifact: ArtifactRow): Artifact {
  const { licence, attribution, provenance } = shapedContent(artifact);
  return copyShownAsItself(artifact, {
    id: formatGlobalId(slug, artifact.handle),
    rowId: artifact.rowId,
    community: slug,
    status: artifact.status === 'RETIRED' ? PublicArtifactStatus.RETIRED : PublicArtifactStatus.PUBLISHED,
    licence,
    attribution,
    provenance,
    version: artifact.number,
    publishedAt: artifact.firstPublishedAt ?? artifact.publishedAt,
    updatedAt: artifact.publishedAt,
    retiredAt: artifact.retiredAt ?? null,
    retirementReason: artifact.retirementReason ?? null,
  });
}

export function toDerivationLink(
  slug: string,
  link: DerivationRow,
  derivativeHandle: string,
): DerivationLink {
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
export function toAdoption(slug: string, adoption: AdoptionRow, adaptedAsHandle: string | null): Adoption {
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

export function toFeedback(slug: string, feedback: FeedbackRow): Feedback {
  return {
    id: formatGlobalId(slug, feedback.id),
    artifactId: feedback.artifactId,
    community: slug,
    kind: feedback.kind,
    body: feedback.body,
    givenAt: feedback.givenAt,
  };
}

export function toResponse(slug: string, response: ResponseRow, artifactHandle: string): FeedbackResponse {
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

export function toNeed(slug: string, need: NeedRow): Need {
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

export function toNeedAnswer(slug: string, answer: NeedAnswerRow, artifactHandle: string): NeedAnswer {
  return {
    id: formatGlobalId(slug, answer.id),
    needId: answer.needId,
    artifactId: formatGlobalId(slug, artifactHandle),
    community: slug,
    note: answer.note ?? null,
    answeredAt: answer.answeredAt,
  };
}
