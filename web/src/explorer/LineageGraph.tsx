import { artifactPath } from './routes';
import { checkState, type CheckFacts } from '../shared/words';

/**
 * The lineage across communities as an SVG: sources above, derivatives below, each artifact
 * labelled with its community, each edge with its relation and whether its licence check holds.
 */
export interface LineageNode {
  id: string;
  title: string;
  community: { slug: string; name: string };
  licenceCheck: CheckFacts[];
}

export interface LineageEdge {
  sourceId: string;
  derivativeId: string;
  relation: string;
  assertedBy: string;
}

const BOX_W = 200;
const BOX_H = 48;
const GAP_X = 40;
const ROW_H = 120;
const PAD = 20;
// Edge labels sit right of their line; the widest ("translates · citation, no licence check") needs this.
const LABEL_ROOM = 240;

const clip = (text: string, length: number) =>
  text.length > length ? `${text.slice(0, length - 1)}…` : text;
const edgeKey = (e: { sourceId: string; derivativeId: string; relation: string }) =>
  `${e.sourceId}>${e.derivativeId}>${e.relation}`;

/** Rows by steps from the root: sources at negative rows, derivatives at positive ones. */
function rowsOf(rootId: string, nodes: LineageNode[], edges: LineageEdge[]): Map<string, number> {
  const row = new Map<string, number>([[rootId, 0]]);
  const queue = [rootId];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const edge of edges) {
      const [next, step] =
        edge.derivativeId === id ? [edge.sourceId, -1] : edge.sourceId === id ? [edge.derivativeId, 1] : [];
      if (next === undefined || row.has(next)) continue;
      row.set(next, row.get(id)! + step!);
      queue.push(next);
    }
  }
  for (const node of nodes) if (!row.has(node.id)) row.set(node.id, 0);
  return row;
}

export function LineageGraph(props: { rootId: string; nodes: LineageNode[]; edges: LineageEdge[] }) {
  const rows = rowsOf(props.rootId, props.nodes, props.edges);
  const checks = new Map(props.nodes.flatMap((node) => node.licenceCheck.map((c) => [edgeKey(c), c])));
  const rowNumbers = [...new Set(rows.values())].sort((a, b) => a - b);
  const byRow = rowNumbers.map((r) => props.nodes.filter((node) => rows.get(node.id) === r));
  const widest = Math.max(1, ...byRow.map((row) => row.length));
  const width = PAD * 2 + widest * BOX_W + (widest - 1) * GAP_X + LABEL_ROOM;
  const height = PAD * 2 + rowNumbers.length * ROW_H - (ROW_H - BOX_H);
  const position = new Map<string, { x: number; y: number }>();
  byRow.forEach((row, r) => {
    const rowWidth = row.length * BOX_W + (row.length - 1) * GAP_X;
    row.forEach((node, i) =>
      position.set(node.id, {
        x: (width - LABEL_ROOM - rowWidth) / 2 + i * (BOX_W + GAP_X),
        y: PAD + r * ROW_H,
      }),
    );
  });
  const known = props.edges.filter((e) => position.has(e.sourceId) && position.has(e.derivativeId));

  return (
    <figure>
      <svg
        class="lineage"
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        // A group, not an image: its artifacts are links a keyboard reaches.
        role="group"
        aria-labelledby="lineage-title"
      >
        <title id="lineage-title">
          Lineage graph: {props.nodes.length} artifacts, {known.length} links
        </title>
        {known.map((edge) => {
          const from = position.get(edge.sourceId)!;
          const to = position.get(edge.derivativeId)!;
          const check = checks.get(edgeKey(edge));
          const state = checkState(check?.allowed, edge.relation);
          const [x1, y1, x2, y2] = [from.x + BOX_W / 2, from.y + BOX_H, to.x + BOX_W / 2, to.y];
          return (
            <g
              key={edgeKey(edge)}
              class={`edge ${state === 'licence conflict' ? 'refused' : state === 'licence allows' ? 'ok' : ''}`}
              data-relation={edge.relation}
              data-check={state}
            >
              <line x1={x1} y1={y1} x2={x2} y2={y2} />
              <text x={(x1 + x2) / 2 + 6} y={(y1 + y2) / 2} text-anchor="start">
                {edge.relation.toLowerCase()} · {state}
              </text>
            </g>
          );
        })}
        {props.nodes.map((node) => {
          const at = position.get(node.id)!;
          return (
            <a key={node.id} href={artifactPath(node.id)} class="artifact-link">
              <g class={node.id === props.rootId ? 'artifact root' : 'artifact'} data-id={node.id}>
                <title>
                  {node.title} ({node.community.name})
                </title>
                <rect x={at.x} y={at.y} width={BOX_W} height={BOX_H} rx={6} />
                <text x={at.x + 8} y={at.y + 19}>
                  {clip(node.title, 30)}
                </text>
                <text x={at.x + 8} y={at.y + 37} class="community">
                  {clip(node.community.name, 30)}
                </text>
              </g>
            </a>
          );
        })}
      </svg>
      <figcaption class="muted">
        Sources above, derivatives below. Dashed red links break their source's licence.
      </figcaption>
    </figure>
  );
}
