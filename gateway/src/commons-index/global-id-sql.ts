/**
 * The community a global id names, '' when it is not one, in SQL: parseGlobalId's SLUG_PATTERN
 * and LOCAL_ID_PATTERN (schema/src/ids.ts) spelled as lengths and character sets, since
 * PostgreSQL's regular expressions with bounded repetition cost ~100 µs a row. The report's SQL
 * test (commons-index/__tests__/report-sql.test.ts) holds both to the same answers on malformed ids.
 */
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
/** Text made only of `chars` (translate is far cheaper than a regular expression). */
const onlyOf = (text: string, chars: string) => `translate(${text}, '${chars}', '') = ''`;

export function communityOfGlobalId(id: string): string {
  const slug = `split_part(${id}, ':', 1)`;
  const local = `substr(${id}, strpos(${id}, ':') + 1)`;
  const isGlobal = [
    `strpos(${id}, ':') between 2 and 65`,
    onlyOf(slug, LOWER + DIGITS + '-'),
    `left(${slug}, 1) <> '-'`,
    `right(${slug}, 1) <> '-'`,
    `length(${local}) between 1 and 128`,
    onlyOf(local, LOWER + LOWER.toUpperCase() + DIGITS + '._-'),
    `left(${local}, 1) not in ('.', '_', '-')`,
  ].join(' and ');
  return `(case when ${isGlobal} then ${slug} else '' end)`;
}
