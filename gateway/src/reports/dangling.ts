import type { CommunityData } from './gather';

const communityOf = (id: string) => id.slice(0, Math.max(0, id.indexOf(':')));

/**
 * Per community, the links it asserts whose target no gathered community holds. A target of a
 * community that did not answer may exist: it is not counted. Communities in gathering order,
 * only those with a dangling link; link ids in the order the community's lists give them.
 */
export function danglingLinks(data: CommunityData[], unavailable: readonly string[]) {
  const known = new Set(data.flatMap((c) => c.artifacts.map((a) => a.id)));
  const unknowable = new Set(unavailable);
  const dangles = (target: string) => !known.has(target) && !unknowable.has(communityOf(target));
  return data
    .map((c) => {
      const linkIds = [
        ...c.derivations.filter((d) => dangles(d.sourceId)),
        ...c.adoptionsGiven.filter((a) => dangles(a.artifactId)),
        ...c.feedbackGiven.filter((f) => dangles(f.artifactId)),
        ...c.needAnswersGiven.filter((n) => dangles(n.artifactId)),
      ].map((link) => link.id);
      return { community: c.slug, count: linkIds.length, linkIds };
    })
    .filter((c) => c.count > 0);
}
