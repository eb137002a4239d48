/** The artifact kinds both APIs share, and how to say them. */
export const ARTIFACT_KINDS = [
  'TEMPLATE',
  'PRINCIPLE',
  'CASE_STUDY',
  'OPEN_DATA',
  'DECISION_RECORD',
  'PLAYBOOK',
  'FIELD_GUIDE',
  'PROTOCOL',
  'PATTERN',
  'VIDEO',
] as const;

export const kindInWords = (kind: string) => kind.toLowerCase().replace(/_/g, ' ');
