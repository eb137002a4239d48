/**
 * What the vitality signs and the report read, as one typed record: the live path fills it in JS
 * from the data it gathers from every node (live-inputs.ts), the Commons index with SQL
 * (commons-index/reads/report.ts). metrics.ts computes every sign and figure from this record
 * only, so the rules cannot read anything one side does not fill, and a test compares both.
 * Instants are milliseconds since the epoch; lists are in the order the report shows them.
 */
import type { Commons } from '@commons-graph/schema';
import type { CommunityData } from './gather';

/** Feedback on one of the community's artifacts (by anyone gathered), given in the window. */
export interface FeedbackOn {
  id: string;
  /** The giving community, as the feedback names it. */
  community: string;
  givenAt: number;
  /** The community's first response to it, whenever it came; null if none. */
  firstResponseAt: number | null;
}

/** A link some other community made to this one in the window (an answer to its need, an adoption naming impact). */
export interface Ask {
  id: string;
  at: number;
}

export type ContributionRole = CommunityData['contributionRoles'][number];

/** One community over one window, with the lists a report shows (the live path's and the index's rows). */
export interface SignInputs extends SignLists {
  slug: string;
  name: string;
  /** Artifacts published in the window, by the month their date names (YYYY-MM); months without any are absent. */
  publishedPerMonth: Record<string, number>;
  /** Artifacts published by the window's end and more than six months before it. */
  old: number;
  /** Every contribution role it records (the signs keep those active in the window). */
  roles: ContributionRole[];
  /** Its earliest publication, whatever the window; null if it published nothing. */
  firstPublishedAt: number | null;
}

/** The lists a report shows of one community over one window: its signs' evidence and its response times. */
export interface SignLists {
  /** Artifacts published in the window, newest first, then by id. */
  windowArtifacts: string[];
  /** Those published more than six months before the window's end that nobody adopted or derived from by the end, newest first. */
  unused: string[];
  /** In the order of the giving communities, then time, then id. */
  feedbackOn: FeedbackOn[];
  /** Other communities' answers to its needs given in the window, need by need (needs in their order). */
  needAnswers: Ask[];
  /** Other communities' adoptions of its artifacts recorded in the window with an impact statement. */
  impacts: Ask[];
  /** Its AI-assisted artifacts published by the window's end without a reviewer other than their authors, newest first. */
  unreviewed: string[];
}

export type LicenceConflict = Commons.LicenceConflict;

/**
 * What one window's rules read (vitality-rules.ts), as counts: all that the window six months
 * earlier needs, since only its states are read. For the window itself, figures.ts computes them
 * from its lists.
 */
export interface SignFigures {
  publishedPerMonth: SignInputs['publishedPerMonth'];
  /** Artifacts published in the window. */
  published: number;
  old: number;
  /** Of the old artifacts, those nobody adopted or derived from by the window's end. */
  unused: number;
  /** Feedback on its artifacts given in the window (its own included), and of it, from other communities. */
  feedback: number;
  received: number;
  /** For each of those answered by the window's end, the time to the first response (ms), in no order. */
  responseMs: number[];
  /** Feedback received plus answers to its needs; of them, those since six months before the window's end. */
  asks: number;
  asksInLast6Months: number;
  /** Adoptions naming their impact; of them, those since six months before the window's end. */
  impacts: number;
  impactsInLast6Months: number;
  unreviewed: number;
}

/** One community over the window: what its rules read and, when the query shows them, its lists. */
export interface WindowInputs {
  slug: string;
  name: string;
  roles: ContributionRole[];
  firstPublishedAt: number | null;
  figures: SignFigures;
  /** Null when the query shows none of them (no evidence, no response times): they are most of a report's cost. */
  lists: SignLists | null;
}

/**
 * One community's vitality: the window, the rules' figures of the same window six months earlier,
 * its licence conflicts.
 */
export interface VitalityInputs {
  now: WindowInputs;
  earlier: SignFigures;
  conflicts: LicenceConflict[];
}

/** An edge of the lineage graph, from a source to what derives from it. */
export interface LineageEdge {
  sourceId: string;
  artifactId: string;
}

/**
 * What the query shows of a report: whether the windows' lists (the signs' evidence, the response
 * times), most of a report's cost, are to be read at all; whether the dangling links are (every
 * link of the Commons checked against every artifact held).
 */
export interface ReportShows {
  lists: boolean;
  dangling: boolean;
}

/** The whole Commons over a window: every gathered community's vitality and the ecosystem's figures. */
export interface ReportInputs {
  /** In the registry's order. */
  communities: VitalityInputs[];
  unavailable: string[];
  /** Adoptions recorded in the window, counted by adopter and origin, in that order. */
  adoptionMatrix: Commons.AdoptionCell[];
  /** Every derivation, and the title of each held artifact that something derives from. */
  lineage: { edges: LineageEdge[]; sources: Record<string, string> };
  /** Communities that gave feedback in the window. */
  feedbackGivers: string[];
  /** Every adaptation that breaks its source's licence, in the order of the asserting communities. */
  licenceConflicts: LicenceConflict[];
  unansweredNeeds: Commons.UnansweredNeed[];
  /** Empty when the query does not show them (the index then does not look for them). */
  danglingLinks: Commons.DanglingLinks[];
}
