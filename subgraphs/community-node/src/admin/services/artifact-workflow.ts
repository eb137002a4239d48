import {
  badInput,
  formatGlobalId,
  notAGlobalId,
  notFound,
  parseLicence,
  readOwnId,
  slugify,
} from '@commons-graph/schema';
import { LockMode, ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Artifact, ArtifactContent, ArtifactDraft, ArtifactVersion } from '../../entities';
import { ArtifactStatus, ChangeKind } from '../../entities/enums';
import { changesOfFirstPublication } from '../../feed/first-publication';
import { appendChange, appendChanges } from '../../feed/outbox';
import type { Principal } from '../../auth/tokens';
import { assertLicenceAllowedBySources } from '../../licences/publish-check';
import { LIMITS, type ArtifactContentInput, type CreateArtifactInput } from '../types/ArtifactInputs';

const trimmed = (value: string | null | undefined) => (value ?? '').trim();

/** Limits of the plain string arguments, which class-validator (inputs only) does not see. */
function atMost(value: string | null | undefined, limit: number, argument: string): void {
  if ((value ?? '').length > limit)
    throw badInput(`${argument} must be at most ${limit} characters`, { argument });
}

/** Applies the given fields of an input onto content; absent fields are left as they were. */
function applyInput(content: ArtifactContent, input: ArtifactContentInput): void {
  if (input.kind !== undefined) content.kind = input.kind;
  if (input.title !== undefined) content.title = input.title.trim();
  if (input.summary !== undefined) content.summary = input.summary;
  if (input.body !== undefined) content.body = input.body;
  if (input.tags !== undefined) content.tags = [...new Set(input.tags.map((t) => t.trim().toLowerCase()))];
  if (input.licence !== undefined) content.licence = trimmed(input.licence) || null;
  if (input.attribution !== undefined) content.attribution = trimmed(input.attribution) || null;
  if (input.authors !== undefined) content.authors = input.authors.map((a) => a.trim());
  if (input.aiAssisted !== undefined) content.aiAssisted = input.aiAssisted;
  if (input.aiTools !== undefined) content.aiTools = trimmed(input.aiTools) || null;
  if (input.mediaUrl !== undefined) content.mediaUrl = trimmed(input.mediaUrl) || null;
}

function copyContent(source: ArtifactContent): ArtifactContent {
  return Object.assign(new ArtifactContent(), {
    ...source,
    tags: [...source.tags],
    authors: [...source.authors],
  });
}

/** Drafting, review, publication, new versions and retirement: every write is one transaction. */
export class ArtifactWorkflow {
  constructor(
    private readonly em: EntityManager,
    private readonly slug: string,
  ) {}

  /**
   * Finds an artifact of this community by global id or bare handle, drafts included. In a
   * transaction its row stays locked until the end, so concurrent writes to one artifact (two
   * stewards publishing at once) run one after the other and the second sees the first's result.
   */
  async get(id: string, em: EntityManager = this.em): Promise<Artifact> {
    const handle = this.handleOf(id);
    if (em.isInTransaction()) {
      await em
        .createQueryBuilder(Artifact)
        .select('id')
        .where({ handle })
        .setLockMode(LockMode.PESSIMISTIC_WRITE)
        .execute();
    }
    const artifact = await em.findOne(Artifact, { handle }, { populate: ['draft', 'latestVersion'] });
    if (!artifact) throw notFound(`No artifact "${id}" in ${this.slug}`, { id });
    return artifact;
  }

  /** The handle an argument names: a bare handle, or a global id of this community. */
  handleOf(id: string): string {
    const reading = readOwnId(id, this.slug, { bare: true });
    if ('malformed' in reading) throw notAGlobalId(id, { id });
    if ('foreign' in reading)
      throw badInput(`"${id}" belongs to ${reading.foreign}; this node manages only ${this.slug}`, { id });
    return reading.localId;
  }

  create(input: CreateArtifactInput, principal: Principal): Promise<Artifact> {
    return this.em.transactional(async (em) => {
      const handle = input.handle ?? (await this.freeHandle(em, slugify(input.title)));
      if (input.handle && (await em.count(Artifact, { handle }))) {
        throw badInput(`The handle "${handle}" is taken; choose another or leave it out`, { handle });
      }
      const content = Object.assign(new ArtifactContent(), {
        kind: input.kind,
        title: '',
        tags: [],
        authors: [],
      });
      applyInput(content, input);
      const draft = em.create(ArtifactDraft, { content, updatedAt: new Date() } as never);
      return em.create(Artifact, {
        handle,
        status: ArtifactStatus.DRAFT,
        draft,
        createdBy: principal.name,
        createdAt: new Date(),
      } as never);
    });
  }

  private async freeHandle(em: EntityManager, base: string): Promise<string> {
    const taken = new Set(
      (await em.find(Artifact, { handle: { $like: `${base}%` } }, { fields: ['handle'] })).map(
        (a) => a.handle,
      ),
    );
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }

  update(id: string, input: ArtifactContentInput): Promise<Artifact> {
    return this.em.transactional(async (em) => {
      const artifact = await this.get(id, em);
      const draft = this.editableDraft(artifact);
      applyInput(draft.content, input);
      draft.updatedAt = new Date();
      return artifact;
    });
  }

  private editableDraft(artifact: Artifact): ArtifactDraft {
    if (artifact.status === ArtifactStatus.PUBLISHED || artifact.status === ArtifactStatus.RETIRED) {
      throw badInput(
        `${this.globalId(artifact)} is published and its versions are immutable; use publishNewVersion to change it`,
        { status: artifact.status },
      );
    }
    return artifact.draft!.getEntity();
  }

  submitForReview(id: string): Promise<Artifact> {
    return this.em.transactional(async (em) => {
      const artifact = await this.get(id, em);
      if (artifact.status !== ArtifactStatus.DRAFT) {
        throw badInput(
          `Only drafts can be submitted for review; ${this.globalId(artifact)} is ${artifact.status}`,
        );
      }
      artifact.status = ArtifactStatus.IN_REVIEW;
      artifact.submittedAt = new Date();
      return artifact;
    });
  }

  publish(id: string, reviewer: string | undefined, principal: Principal): Promise<Artifact> {
    return this.em.transactional(async (em) => {
      const artifact = await this.get(id, em);
      if (artifact.status !== ArtifactStatus.IN_REVIEW) {
        throw badInput(
          `Only artifacts in review can be published; ${this.globalId(artifact)} is ${artifact.status}` +
            (artifact.status === ArtifactStatus.DRAFT ? ' (submitForReview first)' : ''),
          { status: artifact.status },
        );
      }
      const draft = artifact.draft!.getEntity();
      const content = copyContent(draft.content);
      await this.assertPublishable(em, artifact, content, reviewer);
      const now = new Date();
      const version = em.create(ArtifactVersion, {
        artifact,
        number: 1,
        content,
        reviewer: trimmed(reviewer) || null,
        changeNote: null,
        publishedBy: principal.name,
        publishedAt: now,
      } as never) as ArtifactVersion;
      artifact.latestVersion = ref(version);
      artifact.status = ArtifactStatus.PUBLISHED;
      artifact.firstPublishedAt = now;
      artifact.draft = null;
      em.remove(draft);
      await appendChanges(em, [
        { kind: ChangeKind.ARTIFACT, entityId: this.globalId(artifact) },
        ...(await changesOfFirstPublication(em, this.slug, artifact.id)),
      ]);
      return artifact;
    });
  }

  publishNewVersion(
    id: string,
    changes: ArtifactContentInput,
    changeNote: string,
    reviewer: string | undefined,
    principal: Principal,
  ): Promise<Artifact> {
    return this.em.transactional(async (em) => {
      const artifact = await this.get(id, em);
      if (artifact.status !== ArtifactStatus.PUBLISHED) {
        throw badInput(
          `Only published artifacts get new versions; ${this.globalId(artifact)} is ${artifact.status}`,
          {
            status: artifact.status,
          },
        );
      }
      if (!trimmed(changeNote))
        throw badInput('changeNote must say what changed', { argument: 'changeNote' });
      atMost(changeNote, LIMITS.text, 'changeNote');
      const previous = artifact.latestVersion!.getEntity();
      const content = copyContent(previous.content);
      applyInput(content, changes);
      await this.assertPublishable(em, artifact, content, reviewer);
      const version = em.create(ArtifactVersion, {
        artifact,
        number: previous.number + 1,
        content,
        reviewer: trimmed(reviewer) || null,
        changeNote: changeNote.trim(),
        publishedBy: principal.name,
        publishedAt: new Date(),
      } as never) as ArtifactVersion;
      artifact.latestVersion = ref(version);
      await appendChange(em, ChangeKind.ARTIFACT, this.globalId(artifact));
      return artifact;
    });
  }

  retire(id: string, reason: string): Promise<Artifact> {
    return this.em.transactional(async (em) => {
      const artifact = await this.get(id, em);
      if (artifact.status !== ArtifactStatus.PUBLISHED) {
        throw badInput(
          artifact.status === ArtifactStatus.RETIRED
            ? `${this.globalId(artifact)} is already retired`
            : `Only published artifacts are retired; discard a draft instead`,
          { status: artifact.status },
        );
      }
      if (!trimmed(reason))
        throw badInput('reason must say why the artifact is retired', { argument: 'reason' });
      atMost(reason, LIMITS.text, 'reason');
      artifact.status = ArtifactStatus.RETIRED;
      artifact.retiredAt = new Date();
      artifact.retirementReason = reason.trim();
      await appendChange(em, ChangeKind.ARTIFACT, this.globalId(artifact));
      return artifact;
    });
  }

  /** Deletes an artifact that was never published, with its draft. */
  discardDraft(id: string): Promise<boolean> {
    return this.em.transactional(async (em) => {
      const artifact = await this.get(id, em);
      if (artifact.firstPublishedAt) {
        throw badInput(
          `${this.globalId(artifact)} was published: retire it instead; published work is never deleted`,
        );
      }
      const draft = artifact.draft?.getEntity();
      await em.nativeDelete('Derivation', { artifact: artifact.id });
      em.remove(artifact);
      if (draft) em.remove(draft);
      return true;
    });
  }

  private async assertPublishable(
    em: EntityManager,
    artifact: Artifact,
    content: ArtifactContent,
    reviewer: string | undefined,
  ): Promise<void> {
    const licence = parseLicence(content.licence ?? '');
    if (!licence.ok) {
      throw badInput(`Cannot publish without a valid SPDX licence: ${licence.reason}`, { field: 'licence' });
    }
    content.licence = licence.spdx;
    if (!trimmed(content.attribution)) {
      throw badInput('Cannot publish without an attribution saying how to credit the work', {
        field: 'attribution',
      });
    }
    if (content.authors.length === 0) {
      throw badInput('Cannot publish without at least one named human author', { field: 'authors' });
    }
    atMost(trimmed(reviewer), LIMITS.person, 'reviewer');
    if (content.aiAssisted && !trimmed(reviewer)) {
      throw badInput('AI-assisted work needs a named human reviewer to publish', { field: 'reviewer' });
    }
    await assertLicenceAllowedBySources(em, this.slug, artifact, licence.spdx);
  }

  globalId(artifact: Artifact): string {
    return formatGlobalId(this.slug, artifact.handle);
  }
}
