import { formatValue, headlines, type ReportDocument } from './document';

const STATE = { LIFE: '🌱 life', WATCH: '👀 watch', DECAY: '🍂 decay' } as const;

/** A report a steward would send on: headline findings first, then each community. */
export function renderMarkdown(doc: ReportDocument): string {
  const out: string[] = [];
  out.push(
    `# Commons vitality report`,
    '',
    `${doc.from.slice(0, 10)} to ${doc.to.slice(0, 10)} · generated ${doc.generatedAt.slice(0, 16).replace('T', ' ')} from ${doc.gateway}`,
    '',
  );
  out.push('## Headlines', '', ...headlines(doc).map((l) => `- ${l}`), '');
  out.push('## The Commons', '');
  out.push(`- Fewest communities producing half the artifacts: ${doc.fewestCommunitiesForHalfOfArtifacts}`);
  out.push(
    `- Reciprocal communities (give and receive feedback): ${doc.reciprocalCommunities.join(', ') || 'none'}`,
  );
  if (doc.lineageReach.length) {
    out.push('', '| artifact | communities reached | artifacts reached |', '|---|---|---|');
    for (const r of doc.lineageReach)
      out.push(`| ${r.title} (\`${r.artifactId}\`) | ${r.communitiesReached} | ${r.artifactsReached} |`);
  }
  if (doc.licenceConflicts.length) {
    out.push('', '### Licence conflicts', '');
    for (const c of doc.licenceConflicts)
      out.push(`- \`${c.derivativeId}\` ${c.relation} \`${c.sourceId}\`: ${c.rule}`);
  }
  if (doc.unansweredNeeds.length) {
    out.push('', '### Unanswered needs', '');
    for (const n of doc.unansweredNeeds)
      out.push(`- ${n.title} (${n.community}, posted ${n.postedAt.slice(0, 10)})`);
  }
  for (const c of doc.communities) {
    out.push('', `## ${c.community.name} (\`${c.community.slug}\`)`, '');
    out.push(`${c.decaySigns} decay sign(s)${c.replant ? ' — **replant**' : ''}.`, '');
    out.push('| metric | value | state | detail |', '|---|---|---|---|');
    for (const m of c.metrics)
      out.push(`| ${m.label} | ${formatValue(m)} | ${STATE[m.state]} | ${m.detail.replace(/\|/g, '\\|')} |`);
  }
  return `${out.join('\n')}\n`;
}
