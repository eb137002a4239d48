import {
  badInput,
  isAdaptation,
  notAGlobalId,
  notFound,
  parseGlobalId,
  readOwnId,
} from '@commons-graph/schema';
import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Adoption, Artifact, Derivation, Feedback, FeedbackResponse, Need, NeedAnswer } from '../../entities';
import {
  AdoptionStatus,
  ArtifactStatus,
  ChangeKind,
  DerivationRelation,
  FeedbackKind,
  NeedStatus,
  ResponseKind,
} from '../../entities/enums';
import { appendOwnChange } from '../../feed/outbox';
import { assertLicenceAllowedBySources } from '../../licences/publish-check';
import { ArtifactWorkflow } from './artifact-workflow';

const blank = (value: string | null | undefined) => !(value ?? '').trim();

/**
 * The links this community asserts about the Commons: derivations, adoptions, feedback, responses,
 * needs and answers. A target on this node must be published; a target elsewhere must at least be a
 * well-formed global id (its node, and the gateway, vouch for the rest).
 */
export class LinkService {
  private readonly artifacts: ArtifactWorkflow;

  constructor(
    private readonly em: EntityManager,
    private readonly slug: string,
  ) {
    this.artifacts = new ArtifactWorkflow(em, slug);
  }

  private parseTarget(id: string, argument: string) {
    const parsed = parseGlobalId(id);
    if (!parsed) throw notAGlobalId(id, { argument }, argument);
    return parsed;
  }

  /** A published artifact of this node as the target of a new link; drafts and tombstones are refused. */
  private async liveLocalArtifact(em: EntityManager, handle: string, argument: string): Promise<Artifact> {
    const artifact = await em.findOne(Artifact, { handle }, { populate: ['latestVersion'] });
    if (!artifact) throw notFound(`${argument}: no artifact "${this.slug}:${handle}"`, { argument });
    if (artifact.status === ArtifactStatus.RETIRED) {
      throw badInput(`${argument}: ${this.slug}:${handle} is retired and takes no new links`, { argument });
    }
    if (artifact.status !== ArtifactStatus.PUBLISHED) {
      throw badInput(`${argument}: ${this.slug}:${handle} is not published`, { argument });
    }
    return artifact;
  }

  private async checkTarget(em: EntityManager, id: string, argument: string): Promise<{ local: boolean }> {
    const target = this.parseTarget(id, argument);
    if (target.community !== this.slug) return { local: false };
    await this.liveLocalArtifact(em, target.localId, argument);
    return { local: true };
  }

  private requireForeign(id: string, argument: string, what: string): void {
    if (this.parseTarget(id, argument).community === this.slug) {
      throw badInput(`${what} is about other communities' work; ${id} is this community's own`, { argument });
    }
  }

  addDerivedFrom(input: {
    artifactId: string;
    sourceId: string;
    relation: DerivationRelation;
    note?: string;
  }) {
    return this.em.transactional(async (em) => {
      const artifact = await this.artifacts.get(input.artifactId, em);
      if (artifact.status === ArtifactStatus.RETIRED) {
        throw badInput(`${input.artifactId} is retired and takes no new links`, { argument: 'artifactId' });
      }
      if (this.artifacts.globalId(artifact) === input.sourceId) {
        throw badInput('An artifact cannot be derived from itself', { argument: 'sourceId' });
      }
      await this.checkTarget(em, input.sourceId, 'sourceId');
      const existing = await em.count(Derivation, {
        artifact: artifact.id,
        sourceId: input.sourceId,
        relation: input.relation,
      });
      if (existing) throw badInput(`${input.artifactId} already ${input.relation} ${input.sourceId}`);
      if (artifact.status === ArtifactStatus.PUBLISHED && isAdaptation(input.relation)) {
        const licence = artifact.latestVersion!.getEntity().content.licence ?? '';
        await assertLicenceAllowedBySources(em, this.slug, artifact, licence, [input]);
      }
      const link = em.create(Derivation, {
        artifact,
        sourceId: input.sourceId,
        relation: input.relation,
        note: input.note?.trim() || null,
        assertedAt: new Date(),
      } as never) as Derivation;
      // A link on a draft becomes public with its artifact's first publication.
      if (artifact.status === ArtifactStatus.PUBLISHED)
        await appendOwnChange(em, this.slug, ChangeKind.DERIVATION, link.id);
      return { link, artifact };
    });
  }

  /** Links can be withdrawn only while the derivative is unpublished: published lineage is kept. */
  removeDerivedFrom(linkId: string) {
    return this.em.transactional(async (em) => {
      const link = await em.findOne(
        Derivation,
        { id: this.uuid(linkId, 'linkId') },
        { populate: ['artifact'] },
      );
      if (!link) throw notFound(`No derivation link "${linkId}"`);
      if (link.artifact.getEntity().firstPublishedAt) {
        throw badInput('The artifact is published; its lineage is part of the record and stays');
      }
      em.remove(link);
      return true;
    });
  }

  recordAdoption(input: {
    artifactId: string;
    status: AdoptionStatus;
    context: string;
    impact?: string;
    adaptedAsId?: string;
  }) {
    return this.em.transactional(async (em) => {
      this.requireForeign(input.artifactId, 'artifactId', 'An adoption');
      await this.checkTarget(em, input.artifactId, 'artifactId');
      if (blank(input.context))
        throw badInput('context must say how the artifact is used', { argument: 'context' });
      const adaptedAs = input.adaptedAsId ? await this.artifacts.get(input.adaptedAsId, em) : null;
      const now = new Date();
      const adoption = em.create(Adoption, {
        artifactId: input.artifactId,
        status: input.status,
        context: input.context.trim(),
        impact: input.impact?.trim() || null,
        adaptedAs,
        recordedAt: now,
        updatedAt: now,
      } as never) as Adoption;
      await appendOwnChange(em, this.slug, ChangeKind.ADOPTION, adoption.id);
      return adoption;
    });
  }

  updateAdoption(
    id: string,
    input: { status?: AdoptionStatus; context?: string; impact?: string; adaptedAsId?: string },
  ) {
    return this.em.transactional(async (em) => {
      // adaptedAs is loaded for the answer, which names it.
      const adoption = await em.findOne(Adoption, { id: this.uuid(id, 'id') }, { populate: ['adaptedAs'] });
      if (!adoption) throw notFound(`No adoption "${id}"`);
      if (input.context !== undefined && blank(input.context)) throw badInput('context must not be blank');
      if (input.status) adoption.status = input.status;
      if (input.context !== undefined) adoption.context = input.context.trim();
      if (input.impact !== undefined) adoption.impact = input.impact.trim() || null;
      if (input.adaptedAsId !== undefined) {
        adoption.adaptedAs = input.adaptedAsId ? ref(await this.artifacts.get(input.adaptedAsId, em)) : null;
      }
      adoption.updatedAt = new Date();
      await appendOwnChange(em, this.slug, ChangeKind.ADOPTION, adoption.id);
      return adoption;
    });
  }

  giveFeedback(input: { artifactId: string; kind: FeedbackKind; body: string }) {
    return this.em.transactional(async (em) => {
      this.requireForeign(input.artifactId, 'artifactId', 'Feedback');
      await this.checkTarget(em, input.artifactId, 'artifactId');
      if (blank(input.body)) throw badInput('body must say what worked, what did not, or what is missing');
      const feedback = em.create(Feedback, {
        artifactId: input.artifactId,
        kind: input.kind,
        body: input.body.trim(),
        givenAt: new Date(),
      } as never) as Feedback;
      await appendOwnChange(em, this.slug, ChangeKind.FEEDBACK, feedback.id);
      return feedback;
    });
  }

  respondToFeedback(input: {
    feedbackId: string;
    artifactId: string;
    kind: ResponseKind;
    body: string;
    resultingVersion?: number;
  }) {
    return this.em.transactional(async (em) => {
      const artifact = await this.artifacts.get(input.artifactId, em);
      if (!artifact.firstPublishedAt) {
        throw badInput(`${input.artifactId} is not published, so no feedback can be about it`, {
          argument: 'artifactId',
        });
      }
      await this.assertFeedbackAbout(em, input.feedbackId, artifact);
      if (blank(input.body)) throw badInput('body must not be blank', { argument: 'body' });
      const latest = artifact.latestVersion!.getEntity().number;
      if (
        input.resultingVersion !== undefined &&
        (input.resultingVersion < 1 || input.resultingVersion > latest)
      ) {
        throw badInput(`resultingVersion must be a published version, 1 to ${latest}`, {
          argument: 'resultingVersion',
        });
      }
      const response = em.create(FeedbackResponse, {
        feedbackId: input.feedbackId,
        artifact,
        kind: input.kind,
        body: input.body.trim(),
        resultingVersion: input.resultingVersion ?? null,
        respondedAt: new Date(),
      } as never) as FeedbackResponse;
      await appendOwnChange(em, this.slug, ChangeKind.RESPONSE, response.id);
      return response;
    });
  }

  /**
   * The feedback must be about the artifact the response names. Feedback is stored by the community
   * that gave it, so this node checks what it holds: its own feedback is always about another
   * community's work, and earlier responses to the same feedback name the artifact it is about.
   */
  private async assertFeedbackAbout(
    em: EntityManager,
    feedbackId: string,
    artifact: Artifact,
  ): Promise<void> {
    const feedback = this.parseTarget(feedbackId, 'feedbackId');
    const artifactId = this.artifacts.globalId(artifact);
    if (feedback.community === this.slug) {
      const own = await em.findOne(Feedback, { id: this.uuid(feedback.localId, 'feedbackId') });
      if (!own) throw notFound(`feedbackId: no feedback "${feedbackId}"`, { argument: 'feedbackId' });
      throw badInput(
        `feedbackId: ${feedbackId} is this community's feedback about ${own.artifactId}, not about ${artifactId}`,
        {
          argument: 'feedbackId',
        },
      );
    }
    const earlier = await em.findOne(
      FeedbackResponse,
      { feedbackId, artifact: { $ne: artifact.id } },
      { populate: ['artifact'] },
    );
    if (earlier) {
      const about = `${this.slug}:${earlier.artifact.getEntity().handle}`;
      throw badInput(
        `feedbackId: ${feedbackId} is about ${about} (an earlier response says so), not about ${artifactId}`,
        {
          argument: 'feedbackId',
        },
      );
    }
  }

  postNeed(input: { title: string; body: string; tags?: string[] }) {
    return this.em.transactional(async (em) => {
      if (blank(input.title)) throw badInput('title must not be blank', { argument: 'title' });
      if (blank(input.body)) throw badInput('body must say what is needed', { argument: 'body' });
      const need = em.create(Need, {
        title: input.title.trim(),
        body: input.body.trim(),
        tags: [...new Set((input.tags ?? []).map((t) => t.trim().toLowerCase()))],
        status: NeedStatus.OPEN,
        postedAt: new Date(),
      } as never) as Need;
      await appendOwnChange(em, this.slug, ChangeKind.NEED, need.id);
      return need;
    });
  }

  closeNeed(id: string) {
    return this.em.transactional(async (em) => {
      const need = await em.findOne(Need, { id: this.uuid(this.localOf(id), 'id') });
      if (!need) throw notFound(`No need "${id}"`);
      need.status = NeedStatus.CLOSED;
      need.closedAt = new Date();
      await appendOwnChange(em, this.slug, ChangeKind.NEED, need.id);
      return need;
    });
  }

  answerNeed(input: { needId: string; artifactId: string; note?: string }) {
    return this.em.transactional(async (em) => {
      const need = this.parseTarget(input.needId, 'needId');
      const artifact = await this.liveLocalArtifact(
        em,
        this.artifacts.handleOf(input.artifactId),
        'artifactId',
      );
      if (need.community === this.slug) {
        const local = await em.findOne(Need, { id: this.uuid(need.localId, 'needId') });
        if (!local) throw notFound(`No need "${input.needId}"`);
        if (local.status === NeedStatus.CLOSED) throw badInput(`${input.needId} is closed`);
        local.status = NeedStatus.ANSWERED;
      }
      if (await em.count(NeedAnswer, { needId: input.needId, artifact: artifact.id })) {
        throw badInput(`${input.artifactId} already answers ${input.needId}`);
      }
      const answer = em.create(NeedAnswer, {
        needId: input.needId,
        artifact,
        note: input.note?.trim() || null,
        answeredAt: new Date(),
      } as never) as NeedAnswer;
      if (need.community === this.slug) await appendOwnChange(em, this.slug, ChangeKind.NEED, need.localId);
      await appendOwnChange(em, this.slug, ChangeKind.NEED_ANSWER, answer.id);
      return answer;
    });
  }

  /** The local id an argument names: bare, or a global id of this community. */
  private localOf(id: string): string {
    const reading = readOwnId(id, this.slug, { bare: true });
    if ('malformed' in reading) throw notAGlobalId(id, { argument: 'id' }, 'id');
    if ('foreign' in reading) throw badInput(`${id} belongs to ${reading.foreign}`);
    return reading.localId;
  }

  private uuid(id: string, argument: string): string {
    const local = this.localOf(id);
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(local)) {
      throw badInput(`${argument} "${id}" is not an id this node issued`, { argument });
    }
    return local;
  }
}
