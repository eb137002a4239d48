/** A reporting window chosen in the URL (`months` back from today), as the API's DateTimes. */
export const WINDOWS = [3, 6, 12, 24];

export function windowOf(params: URLSearchParams): { months: number; from: string; to: string } {
  const asked = Number(params.get('months'));
  const months = WINDOWS.includes(asked) ? asked : 12;
  const to = new Date();
  const from = new Date(to);
  from.setUTCMonth(from.getUTCMonth() - months);
  return { months, from: from.toISOString(), to: to.toISOString() };
}
