/**
 * The demo Commons: four communities drawn from the CoP–Commons Alignment pattern, with the links
 * between them. Ids are `<slug>:<handle>`; every seeded artifact has an explicit handle, which is
 * what makes seeding idempotent.
 */
export interface DemoArtifact {
  handle: string;
  kind: string;
  title: string;
  summary: string;
  body: string;
  tags: string[];
  licence: string;
  attribution: string;
  authors: string[];
  aiAssisted?: boolean;
  reviewer?: string;
  mediaUrl?: string;
  derivedFrom?: Array<{ sourceId: string; relation: string; note?: string }>;
  /** Left as a draft: must never appear in the Commons graph. */
  draft?: boolean;
  /** When it was first published, for a demo with history (set after seeding). */
  publishedAt?: string;
  retire?: string;
}

export interface DemoCommunity {
  slug: string;
  name: string;
  description: string;
  region: string;
  artifacts: DemoArtifact[];
  adoptions?: Array<{
    artifactId: string;
    status: string;
    context: string;
    impact?: string;
    adaptedAsId?: string;
  }>;
  feedback?: Array<{ key: string; artifactId: string; kind: string; body: string }>;
  /** Responses to feedback (by key) about this community's own artifacts. */
  responses?: Array<{
    feedbackKey: string;
    artifactId: string;
    kind: string;
    body: string;
    resultingVersion?: number;
  }>;
  needs?: Array<{ key: string; title: string; body: string; tags: string[] }>;
  answers?: Array<{ needKey: string; artifactId: string; note?: string }>;
  cycles?: Array<{
    cadence: string;
    startsOn: string;
    endsOn: string;
    becameClear: string;
    surprised: string;
    failed: string;
    isPublic: boolean;
    harvested: string[];
  }>;
  roles?: Array<{
    personName: string;
    role: string;
    hoursPerMonth: number;
    resourcedHoursPerMonth: number;
    startsOn: string;
  }>;
}

const SOIL = 'klamath-soil';
const SIGS = 'openinfra-sigs';
const CLINICS = 'valley-clinics';
const ORGANIZERS = 'commons-organizers';

export const DEMO_COMMUNITIES: DemoCommunity[] = [
  {
    slug: SOIL,
    name: 'Klamath Soil Stewardship Circle',
    description: 'Ranches and farms of the upper Klamath basin learning regenerative practice together.',
    region: 'Klamath Basin, Oregon–California',
    artifacts: [
      {
        handle: 'seasonal-practices-guide',
        publishedAt: '2025-09-15',
        kind: 'FIELD_GUIDE',
        title: 'Seasonal soil practices guide',
        summary: 'What to do with soil each season, from cover crops to winter grazing.',
        body: 'Autumn: sow a cover-crop mix before the first rains. Winter: rotate grazing to leave residue. Spring: test before you amend. Summer: keep roots in the ground.',
        tags: ['soil', 'cover-crops', 'grazing'],
        licence: 'CC-BY-SA-4.0',
        attribution: 'Klamath Soil Stewardship Circle',
        authors: ['Rosa Ortiz', 'Dan Whitehorse'],
      },
      {
        handle: 'field-day-videos',
        publishedAt: '2026-04-20',
        kind: 'VIDEO',
        title: 'Field day videos: reading a soil pit',
        summary: 'Three short videos from the spring field days.',
        body: 'How to dig, read and record a soil pit.',
        tags: ['soil', 'field-day'],
        licence: 'CC-BY-4.0',
        attribution: 'Klamath Soil Stewardship Circle',
        authors: ['Dan Whitehorse'],
        mediaUrl: 'https://video.example.org/klamath/soil-pit',
      },
      {
        handle: 'soil-test-open-data',
        publishedAt: '2026-06-02',
        kind: 'OPEN_DATA',
        title: 'Basin soil tests 2024–2026',
        summary: 'Organic matter, infiltration and pH from 41 member fields.',
        body: 'CSV with one row per sample; methods in the README.',
        tags: ['soil', 'data'],
        licence: 'ODbL-1.0',
        attribution: 'Klamath Soil Stewardship Circle members',
        authors: ['Mei Lin'],
      },
      {
        handle: 'gathering-formats',
        publishedAt: '2026-10-08',
        kind: 'PATTERN',
        title: 'Gathering formats that travel',
        summary: 'What field days, SIG meetups and patient circles share.',
        body: 'Small groups, a walk, a harvest of notes.',
        tags: ['gatherings'],
        licence: 'CC-BY-4.0',
        attribution: 'Klamath Soil Stewardship Circle',
        authors: ['Rosa Ortiz'],
        derivedFrom: [
          { sourceId: `${SIGS}:sig-meetup-pattern`, relation: 'ADAPTS' },
          { sourceId: `${CLINICS}:patient-circle-format`, relation: 'ADAPTS' },
        ],
      },
      {
        handle: 'old-burn-protocol',
        publishedAt: '2025-08-01',
        kind: 'PROTOCOL',
        title: 'Stubble burning protocol (2019)',
        summary: 'Superseded.',
        body: 'The old protocol for burning stubble.',
        tags: ['fire'],
        licence: 'CC-BY-4.0',
        attribution: 'Klamath Soil Stewardship Circle',
        authors: ['Dan Whitehorse'],
        retire: 'Replaced by no-burn residue management',
      },
      {
        handle: 'water-rights-draft',
        kind: 'CASE_STUDY',
        title: 'DRAFT water-rights negotiation notes',
        summary: 'Private working notes.',
        body: 'Confidential: names of ranchers in negotiation. NEVER-PUBLIC-DEMO-DRAFT',
        tags: ['water'],
        licence: 'CC-BY-4.0',
        attribution: 'Circle',
        authors: ['Rosa Ortiz'],
        draft: true,
      },
    ],
    responses: [
      {
        feedbackKey: 'clinic-clay',
        artifactId: `${SOIL}:seasonal-practices-guide`,
        kind: 'INCORPORATED',
        body: 'Added a clay-soil section in version 2.',
        resultingVersion: 1,
      },
    ],
    cycles: [
      {
        cadence: 'QUARTERLY',
        startsOn: '2026-07-01',
        endsOn: '2026-09-30',
        becameClear: 'Cover crops pay back within two seasons on clay.',
        surprised: 'Infiltration doubled on grazed fields.',
        failed: 'Our spring sampling missed half the fields.',
        isPublic: true,
        harvested: ['seasonal-practices-guide', 'soil-test-open-data'],
      },
    ],
    roles: [
      {
        personName: 'Rosa Ortiz',
        role: 'translator',
        hoursPerMonth: 20,
        resourcedHoursPerMonth: 10,
        startsOn: '2025-01-01',
      },
      {
        personName: 'Mei Lin',
        role: 'liaison',
        hoursPerMonth: 12,
        resourcedHoursPerMonth: 8,
        startsOn: '2025-06-01',
      },
      {
        personName: 'Dan Whitehorse',
        role: 'translator',
        hoursPerMonth: 10,
        resourcedHoursPerMonth: 0,
        startsOn: '2025-06-01',
      },
    ],
  },
  {
    slug: SIGS,
    name: 'OpenInfra Networking & Storage SIGs',
    description: 'Special-interest groups of an open-source infrastructure project.',
    region: 'Online',
    artifacts: [
      {
        handle: 'incident-playbook',
        publishedAt: '2025-10-10',
        kind: 'PLAYBOOK',
        title: 'Incident response playbook',
        summary: 'Roles, call trees and the first hour of an outage.',
        body: 'Incident commander, scribe, liaison. Page, assess, communicate every 30 minutes.',
        tags: ['incidents', 'coordination'],
        licence: 'CC-BY-4.0',
        attribution: 'OpenInfra SIGs',
        authors: ['Priya Natarajan', 'Tom Becker'],
      },
      {
        handle: 'sig-meetup-pattern',
        publishedAt: '2026-05-14',
        kind: 'PATTERN',
        title: 'SIG meetup pattern',
        summary: 'A field-day format for software SIGs.',
        body: 'Walk the system, pair on a problem, harvest notes.',
        tags: ['gatherings'],
        licence: 'CC-BY-4.0',
        attribution: 'OpenInfra SIGs',
        authors: ['Tom Becker'],
        derivedFrom: [
          { sourceId: `${SOIL}:field-day-videos`, relation: 'EXTENDS', note: 'Borrowed the field-day walk' },
        ],
      },
      {
        handle: 'storage-adr-erasure',
        publishedAt: '2026-08-21',
        kind: 'DECISION_RECORD',
        title: 'ADR-014: erasure coding for cold storage',
        summary: 'Why we chose 8+3 erasure coding.',
        body: 'Context, decision, consequences.',
        tags: ['storage', 'adr'],
        licence: 'Apache-2.0',
        attribution: 'OpenInfra Storage SIG',
        authors: ['Priya Natarajan'],
        aiAssisted: true,
        reviewer: 'Tom Becker',
      },
      {
        handle: 'soil-sensor-network',
        publishedAt: '2026-02-03',
        kind: 'PATTERN',
        title: 'Low-power soil sensor network',
        summary: 'A LoRa mesh for field soil sensors.',
        body: 'Adapted from the Klamath field guide for sensor placement.',
        tags: ['networking', 'soil'],
        licence: 'CC-BY-SA-4.0',
        attribution: 'OpenInfra Networking SIG',
        authors: ['Ana Ruiz'],
        derivedFrom: [{ sourceId: `${SOIL}:seasonal-practices-guide`, relation: 'ADAPTS' }],
      },
    ],
    adoptions: [
      {
        artifactId: `${SOIL}:seasonal-practices-guide`,
        status: 'ADOPTED',
        context: 'Placing soil sensors by season',
        impact: 'Sensor battery life up 40% by sampling with the seasons',
        adaptedAsId: `${SIGS}:soil-sensor-network`,
      },
      {
        artifactId: `${ORGANIZERS}:call-tree-playbook`,
        status: 'TRIAL',
        context: 'Trying the call tree for on-call handover',
      },
    ],
    feedback: [
      {
        key: 'sigs-worked',
        artifactId: `${SOIL}:seasonal-practices-guide`,
        kind: 'WORKED',
        body: 'The seasonal calendar mapped cleanly to sensor duty cycles.',
      },
    ],
    needs: [
      {
        key: 'sigs-mentoring',
        title: 'Mentoring new maintainers',
        body: 'A pattern for pairing new maintainers with stewards.',
        tags: ['mentoring'],
      },
    ],
    answers: [
      {
        needKey: 'clinics-escalation',
        artifactId: `${SIGS}:incident-playbook`,
        note: 'Our escalation ladder fits care escalation',
      },
    ],
    cycles: [
      {
        cadence: 'MONTHLY',
        startsOn: '2026-10-01',
        endsOn: '2026-10-31',
        becameClear: 'ADRs get read when linked from runbooks.',
        surprised: 'Ranchers use our incident roles.',
        failed: 'No one wrote up the storage outage.',
        isPublic: true,
        harvested: ['storage-adr-erasure'],
      },
    ],
    roles: [
      {
        personName: 'Tom Becker',
        role: 'translator',
        hoursPerMonth: 30,
        resourcedHoursPerMonth: 0,
        startsOn: '2025-03-01',
      },
      {
        personName: 'Priya Natarajan',
        role: 'translator',
        hoursPerMonth: 1,
        resourcedHoursPerMonth: 0,
        startsOn: '2025-03-01',
      },
    ],
  },
  {
    slug: CLINICS,
    name: 'Valley Community Health Clinics',
    description: 'A network of community health clinics sharing how they coordinate care.',
    region: 'Central Valley, California',
    artifacts: [
      {
        handle: 'care-coordination-tree',
        publishedAt: '2026-03-18',
        kind: 'DECISION_RECORD',
        title: 'Care-coordination decision tree',
        summary: 'Who calls whom when a patient misses follow-up.',
        body: 'Missed one visit: text. Missed two: call. Missed three: community health worker visit.',
        tags: ['care', 'coordination'],
        licence: 'CC-BY-4.0',
        attribution: 'Valley Community Health Clinics',
        authors: ['Dr. Amaka Obi', 'Luis Ferreira'],
        derivedFrom: [
          {
            sourceId: `${SIGS}:incident-playbook`,
            relation: 'ADAPTS',
            note: 'Escalation ladder from incident response',
          },
        ],
      },
      {
        handle: 'case-study-template',
        publishedAt: '2025-11-05',
        kind: 'TEMPLATE',
        title: 'Case-study template',
        summary: 'A one-page template for writing up what happened.',
        body: 'Situation, what we tried, what changed, what we would do again.',
        tags: ['template'],
        licence: 'CC0-1.0',
        attribution: 'Valley Community Health Clinics',
        authors: ['Luis Ferreira'],
      },
      {
        handle: 'patient-circle-format',
        publishedAt: '2026-07-09',
        kind: 'PATTERN',
        title: 'Patient circle format',
        summary: 'Peer circles for chronic-care patients, after the soil field days.',
        body: 'A walk, a shared meal, three questions.',
        tags: ['gatherings', 'care'],
        licence: 'CC-BY-4.0',
        attribution: 'Valley Community Health Clinics',
        authors: ['Dr. Amaka Obi'],
        derivedFrom: [{ sourceId: `${SOIL}:field-day-videos`, relation: 'EXTENDS' }],
      },
      {
        handle: 'clinic-garden-guide',
        publishedAt: '2026-09-12',
        kind: 'FIELD_GUIDE',
        title: 'Clinic garden guide',
        summary: 'Growing food on clinic grounds, after the sensor network work.',
        body: 'Beds, sensors, a watering rota.',
        tags: ['soil', 'care'],
        licence: 'CC-BY-4.0',
        attribution: 'Valley Community Health Clinics',
        authors: ['Luis Ferreira'],
        // The licence conflict for the checks to find: the source is CC-BY-SA-4.0, this is CC-BY-4.0.
        derivedFrom: [{ sourceId: `${SIGS}:soil-sensor-network`, relation: 'ADAPTS' }],
      },
      {
        handle: 'staffing-draft',
        kind: 'CASE_STUDY',
        title: 'DRAFT staffing crisis notes',
        summary: 'Private.',
        body: 'Patient-identifying notes. NEVER-PUBLIC-DEMO-DRAFT',
        tags: ['care'],
        licence: 'CC-BY-4.0',
        attribution: 'Clinics',
        authors: ['Luis Ferreira'],
        draft: true,
      },
    ],
    adoptions: [
      {
        artifactId: `${SIGS}:incident-playbook`,
        status: 'ADOPTED',
        context: 'Escalation for missed follow-ups',
        impact: 'Missed follow-ups fell from 18% to 7% in six months',
        adaptedAsId: `${CLINICS}:care-coordination-tree`,
      },
      { artifactId: `${SOIL}:seasonal-practices-guide`, status: 'TRIAL', context: 'Clinic gardens' },
    ],
    feedback: [
      {
        key: 'clinic-clay',
        artifactId: `${SOIL}:seasonal-practices-guide`,
        kind: 'GAP',
        body: 'Nothing on heavy clay, which is all we have.',
      },
      {
        key: 'clinic-question',
        artifactId: `${SIGS}:incident-playbook`,
        kind: 'QUESTION',
        body: 'How do you rotate the incident commander role?',
      },
    ],
    needs: [
      {
        key: 'clinics-escalation',
        title: 'Escalation ladders',
        body: 'How other communities escalate when someone goes quiet.',
        tags: ['coordination'],
      },
      {
        key: 'clinics-interpreters',
        title: 'Interpreter scheduling',
        body: 'Scheduling Mixtec and Hmong interpreters across clinics.',
        tags: ['care'],
      },
    ],
    cycles: [
      {
        cadence: 'QUARTERLY',
        startsOn: '2026-07-01',
        endsOn: '2026-09-30',
        becameClear: 'Escalation works when everyone knows the next step.',
        surprised: 'Patients asked for gardens.',
        failed: 'The interpreter pilot.',
        isPublic: false,
        harvested: ['care-coordination-tree'],
      },
    ],
    roles: [
      {
        personName: 'Luis Ferreira',
        role: 'translator',
        hoursPerMonth: 12,
        resourcedHoursPerMonth: 12,
        startsOn: '2025-01-01',
      },
      {
        personName: 'Dr. Amaka Obi',
        role: 'liaison',
        hoursPerMonth: 10,
        resourcedHoursPerMonth: 6,
        startsOn: '2025-01-01',
      },
      {
        personName: 'Grace Her',
        role: 'translator',
        hoursPerMonth: 6,
        resourcedHoursPerMonth: 3,
        startsOn: '2025-09-01',
      },
    ],
  },
  {
    slug: ORGANIZERS,
    name: 'Commons Organizers Network',
    description: "An activist network's knowledge secretaries, compiling what local cells learn.",
    region: 'Many cities',
    artifacts: [
      {
        handle: 'call-tree-playbook',
        publishedAt: '2026-01-22',
        kind: 'PLAYBOOK',
        title: 'Rapid-response call tree',
        summary: 'Compiled from six local cells.',
        body: 'Each caller reaches three; confirm back within 20 minutes.',
        tags: ['coordination'],
        licence: 'CC-BY-SA-4.0',
        attribution: 'Knowledge secretaries of the Commons Organizers Network',
        authors: ['J. Alvarez'],
        derivedFrom: [{ sourceId: `${SIGS}:incident-playbook`, relation: 'ADAPTS' }],
      },
      {
        handle: 'cell-meeting-playbook',
        publishedAt: '2026-09-30',
        kind: 'PLAYBOOK',
        title: 'Cell meeting playbook',
        summary: 'How local cells run a 45-minute meeting.',
        body: 'Check-in, one decision, one task each, close.',
        tags: ['meetings'],
        licence: 'CC-BY-SA-4.0',
        attribution: 'Commons Organizers Network',
        authors: ['J. Alvarez'],
        aiAssisted: true,
        reviewer: 'K. Osei',
      },
    ],
    adoptions: [
      {
        artifactId: `${CLINICS}:case-study-template`,
        status: 'ADOPTED',
        context: 'Cells write up every action with it',
        impact: 'Forty write-ups in a year, up from five',
      },
    ],
    feedback: [
      {
        key: 'organizers-phones',
        artifactId: `${SIGS}:incident-playbook`,
        kind: 'GAP',
        body: 'Nothing for members without phones.',
      },
    ],
    answers: [
      {
        needKey: 'sigs-mentoring',
        artifactId: `${ORGANIZERS}:cell-meeting-playbook`,
        note: 'Pairing happens in the task round',
      },
    ],
    roles: [
      {
        personName: 'J. Alvarez',
        role: 'knowledge secretary',
        hoursPerMonth: 25,
        resourcedHoursPerMonth: 0,
        startsOn: '2025-02-01',
      },
    ],
  },
];

/** Where the SIGs respond: feedback keyed here is about their artifacts. */
export const DEMO_RESPONSES_ELSEWHERE = [
  {
    slug: SIGS,
    feedbackKey: 'organizers-phones',
    artifactId: `${SIGS}:incident-playbook`,
    kind: 'ACKNOWLEDGED',
    body: 'Good gap; we will add an SMS-free fallback.',
  },
];
