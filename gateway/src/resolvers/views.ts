import type { RegisteredNode } from '../registry/Registry';

/**
 * The gateway's own objects as the Commons types show them: a community is its slug (its fields
 * are loaded when asked), a node is what the registry knows of it.
 */
export const communityRef = (slug: string) => ({ slug });

export function nodeView(node: RegisteredNode) {
  return {
    slug: node.slug,
    url: node.url,
    status: node.status,
    name: node.name,
    softwareVersion: node.software?.version ?? null,
    protocol: node.software?.protocol ?? null,
    lastSeen: node.lastSeen,
    lastLatencyMs: node.lastLatencyMs,
    error: node.error,
  };
}
