import type { ReportShows } from '../reports/inputs';
import { eachSelectedField, perOperation } from './operation-fields';

/** The fields only part of a report fills, by the type they are on, and which part. */
const PART_OF: Readonly<Record<string, Readonly<Record<string, keyof ReportShows>>>> = {
  // The windows' lists: the signs' evidence, the response times.
  VitalityMetric: { evidence: 'lists' },
  CommonsReport: { responseTimes: 'lists', danglingLinks: 'dangling' },
};

/**
 * Which parts the operation selects anywhere: a report without the lists reads no list, only
 * counts; one without the dangling links does not look for them.
 */
export const reportShows = perOperation((info): ReportShows => {
  const shows: ReportShows = { lists: false, dangling: false };
  eachSelectedField(info, (parent, name) => {
    const fields = PART_OF[parent ?? ''];
    if (fields && Object.hasOwn(fields, name)) shows[fields[name]] = true;
  });
  return shows;
});
