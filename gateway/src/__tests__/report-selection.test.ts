import { readFileSync } from 'node:fs';
import { COMMONS_SDL_PATH } from '@commons-graph/schema';
import {
  buildSchema,
  parse,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
} from 'graphql';
import { reportShows } from '../resolvers/report-selection';

const schema = buildSchema(readFileSync(COMMONS_SDL_PATH, 'utf8'));

/** What a resolver's info holds of the operation: the schema, the operation and its fragments. */
function infoOf(document: string): GraphQLResolveInfo {
  const definitions = parse(document).definitions;
  const fragments = Object.fromEntries(
    definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition')
      .map((d) => [d.name.value, d]),
  );
  const operation = definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  return { schema, operation, fragments } as unknown as GraphQLResolveInfo;
}

const report = (selection: string) =>
  `{ commonsReport(from: "2026-01-01T00:00:00Z", to: "2026-07-01T00:00:00Z") ${selection} }`;

describe('what a report query shows', () => {
  it('reads no list when neither evidence nor response times are selected', () => {
    expect(
      reportShows(infoOf(report('{ reciprocity communities { metrics { key value state detail } } }'))),
    ).toEqual({
      lists: false,
      dangling: false,
    });
  });

  it('reads the lists for evidence or response times, aliased or in fragments', () => {
    for (const document of [
      report('{ communities { metrics { evidence } } }'),
      report('{ times: responseTimes { days } }'),
      `${report('{ communities { metrics { ...M } } }')} fragment M on VitalityMetric { shown: evidence }`,
      `${report('{ ...R }')} fragment R on CommonsReport { responseTimes { feedbackId } }`,
    ])
      expect(reportShows(infoOf(document))).toEqual({ lists: true, dangling: false });
  });

  it('looks for dangling links only when they are selected, aliased or in fragments', () => {
    for (const document of [
      report('{ danglingLinks { community count } }'),
      `${report('{ ...R }')} fragment R on CommonsReport { lost: danglingLinks { linkIds } }`,
    ])
      expect(reportShows(infoOf(document))).toEqual({ lists: false, dangling: true });
    expect(reportShows(infoOf(report('{ danglingLinks { count } responseTimes { days } }')))).toEqual({
      lists: true,
      dangling: true,
    });
  });
});
