import type { ContentJson } from '@commons-graph/community-node';
import type { TestNode } from './nodes';

/** Story-sized helpers over the admin API, so tests read as what a community does. */
export const MANAGED = `id handle status version draft { title body licence } derivedFrom { id sourceId relation }`;

/** An artifact to draft: its title and any other content fields (the rest get publishable defaults). */
export type ArtifactSpec = Partial<ContentJson> & { title: string; handle?: string };

export async function draftArtifact(node: TestNode, spec: ArtifactSpec): Promise<string> {
  const data = await node.adminOk<{ createArtifact: { id: string } }>(
    `mutation($input: CreateArtifactInput!) { createArtifact(input: $input) { id } }`,
    {
      input: {
        kind: 'PLAYBOOK',
        summary: `${spec.title}, in short.`,
        body: `${spec.title}: the full text.`,
        licence: 'CC-BY-4.0',
        attribution: `${node.slug} community`,
        authors: ['A. Author'],
        ...spec,
      },
    },
    'member',
  );
  return data.createArtifact.id;
}

export async function publish(node: TestNode, id: string, reviewer?: string): Promise<void> {
  await node.adminOk(`mutation($id: ID!) { submitForReview(id: $id) { id } }`, { id }, 'member');
  await node.adminOk(
    `mutation($id: ID!, $reviewer: String) { publishArtifact(id: $id, reviewer: $reviewer) { id } }`,
    {
      id,
      reviewer,
    },
    'steward',
  );
}

export async function publishedArtifact(
  node: TestNode,
  spec: ArtifactSpec,
  links: Array<{ sourceId: string; relation: string }> = [],
) {
  const id = await draftArtifact(node, spec);
  for (const link of links) {
    await node.adminOk(
      `mutation($input: DerivedFromInput!) { addDerivedFrom(input: $input) { id } }`,
      { input: { artifactId: id, ...link } },
      'steward',
    );
  }
  await publish(node, id, spec.aiAssisted ? 'R. Reviewer' : undefined);
  return id;
}

const LINK_INPUT: Record<string, string> = {
  addDerivedFrom: 'DerivedFromInput',
  recordAdoption: 'AdoptionInput',
  giveFeedback: 'FeedbackInput',
  respondToFeedback: 'FeedbackResponseInput',
  postNeed: 'NeedInput',
  answerNeed: 'NeedAnswerInput',
};

/** Records a link the node's community asserts (adoption, derivation, feedback, response, need, answer). */
export async function link(
  node: TestNode,
  mutation: keyof typeof LINK_INPUT,
  input: Record<string, unknown>,
): Promise<string> {
  const data = await node.adminOk(
    `mutation($i: ${LINK_INPUT[mutation]}!) { ${mutation}(input: $i) { id } }`,
    { i: input },
    'steward',
  );
  return data[mutation].id as string;
}
