import { BLANK_CLASS, hasTextSql as hasText } from '../reports/blank';

/** Text trimmed as `trim()` trims it. */
const trimmed = (text: string) => `regexp_replace(${text}, '^[${BLANK_CLASS}]+|[${BLANK_CLASS}]+$', '', 'g')`;

/**
 * SQL: an artifact (of `row`, a table's alias and a dot, or none) that is AI-assisted without a
 * reviewer other than its authors, as the report's humanInTheLoop sign reads it. A partial index
 * holds exactly these (Migration20261222000000FirstUse): the report's condition is this same
 * expression, so the planner uses it and the report opens no other artifact's doc.
 */
export const unreviewedArtifact = (row = '') => `${row}ai_assisted
    and (not ${hasText(`${row}doc->'provenance'->>'reviewer'`)}
      or (${row}doc->'provenance'->'authors') ? ${trimmed(`${row}doc->'provenance'->>'reviewer'`)})`;
