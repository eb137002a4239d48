import { DEMO_COMMUNITIES, DEMO_RESPONSES_ELSEWHERE, type DemoArtifact } from './seed-data';

/** Seeds the demo through each node's real admin API, over HTTP. */
export interface SeedTarget {
  slug: string;
  adminUrl: string;
  adminToken: string;
}

async function admin<T = unknown>(
  target: SeedTarget,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(target.adminUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${target.adminToken}` },
    body: JSON.stringify({ query, variables }),
  });
  const result = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (result.errors?.length)
    throw new Error(`${target.slug}: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.data as T;
}

async function seedArtifact(target: SeedTarget, artifact: DemoArtifact): Promise<void> {
  const { derivedFrom = [], draft, retire, reviewer, publishedAt: _publishedAt, ...input } = artifact;
  const { createArtifact } = await admin<{ createArtifact: { id: string } }>(
    target,
    `mutation($i: CreateArtifactInput!) { createArtifact(input: $i) { id } }`,
    { i: input },
  );
  const id: string = createArtifact.id;
  for (const link of derivedFrom) {
    await admin(target, `mutation($i: DerivedFromInput!) { addDerivedFrom(input: $i) { id } }`, {
      i: { artifactId: id, ...link },
    });
  }
  if (draft) return;
  await admin(target, `mutation($id: ID!) { submitForReview(id: $id) { id } }`, { id });
  await admin(target, `mutation($id: ID!, $r: String) { publishArtifact(id: $id, reviewer: $r) { id } }`, {
    id,
    r: reviewer,
  });
  if (retire)
    await admin(target, `mutation($id: ID!, $r: String!) { retireArtifact(id: $id, reason: $r) { id } }`, {
      id,
      r: retire,
    });
}

/**
 * Idempotent: artifacts are matched by handle, and the links are recorded only on the run that
 * created the first community's artifacts, so a restart adds nothing twice.
 */
export async function seedDemo(
  targets: SeedTarget[],
  log: (line: string) => void = () => undefined,
): Promise<boolean> {
  const bySlug = new Map(targets.map((t) => [t.slug, t]));
  const first = bySlug.get(DEMO_COMMUNITIES[0].slug)!;
  const existing = await admin<{ managedArtifacts: Array<{ handle: string }> }>(
    first,
    `{ managedArtifacts { handle } }`,
  );
  const fresh = existing.managedArtifacts.length === 0;

  for (const community of DEMO_COMMUNITIES) {
    const target = bySlug.get(community.slug);
    if (!target) continue;
    const have = new Set(
      (
        await admin<{ managedArtifacts: Array<{ handle: string }> }>(
          target,
          `{ managedArtifacts { handle } }`,
        )
      ).managedArtifacts.map((a) => a.handle),
    );
    if (fresh) {
      await admin(target, `mutation($i: ProfileInput!) { updateProfile(input: $i) { slug } }`, {
        i: { name: community.name, description: community.description, region: community.region },
      });
    }
    for (const artifact of community.artifacts)
      if (!have.has(artifact.handle)) await seedArtifact(target, artifact);
  }
  if (!fresh) {
    log('demo data already present: nothing added');
    return false;
  }

  const feedbackIds = new Map<string, string>();
  const needIds = new Map<string, string>();
  for (const community of DEMO_COMMUNITIES) {
    const target = bySlug.get(community.slug);
    if (!target) continue;
    for (const adoption of community.adoptions ?? []) {
      await admin(target, `mutation($i: AdoptionInput!) { recordAdoption(input: $i) { id } }`, {
        i: adoption,
      });
    }
    for (const { key, ...feedback } of community.feedback ?? []) {
      const { giveFeedback } = await admin<{ giveFeedback: { id: string } }>(
        target,
        `mutation($i: FeedbackInput!) { giveFeedback(input: $i) { id } }`,
        { i: feedback },
      );
      feedbackIds.set(key, giveFeedback.id);
    }
    for (const { key, ...need } of community.needs ?? []) {
      const { postNeed } = await admin<{ postNeed: { id: string } }>(
        target,
        `mutation($i: NeedInput!) { postNeed(input: $i) { id } }`,
        { i: need },
      );
      needIds.set(key, postNeed.id);
    }
    for (const cycle of community.cycles ?? []) {
      const { harvested, ...rest } = cycle;
      await admin(target, `mutation($i: LearningCycleInput!) { recordLearningCycle(input: $i) { id } }`, {
        i: { ...rest, harvestedArtifactIds: harvested.map((h) => `${community.slug}:${h}`) },
      });
    }
    for (const role of community.roles ?? []) {
      await admin(target, `mutation($i: ContributionRoleInput!) { addContributionRole(input: $i) { id } }`, {
        i: role,
      });
    }
  }
  const responses = [
    ...DEMO_COMMUNITIES.flatMap((c) => (c.responses ?? []).map((r) => ({ slug: c.slug, ...r }))),
    ...DEMO_RESPONSES_ELSEWHERE,
  ];
  for (const { slug, feedbackKey, ...response } of responses) {
    const target = bySlug.get(slug);
    const feedbackId = feedbackIds.get(feedbackKey);
    if (!target || !feedbackId) continue;
    await admin(target, `mutation($i: FeedbackResponseInput!) { respondToFeedback(input: $i) { id } }`, {
      i: { feedbackId, ...response },
    });
  }
  for (const community of DEMO_COMMUNITIES) {
    const target = bySlug.get(community.slug);
    for (const { needKey, ...answer } of community.answers ?? []) {
      const needId = needIds.get(needKey);
      if (target && needId) {
        await admin(target, `mutation($i: NeedAnswerInput!) { answerNeed(input: $i) { id } }`, {
          i: { needId, ...answer },
        });
      }
    }
  }
  log(`seeded ${DEMO_COMMUNITIES.length} demo communities`);
  return true;
}
