import { addMonths, type Span } from './calendar';
import type { FeedbackOn, SignFigures, SignInputs, SignLists, WindowInputs } from './inputs';

/** Feedback on the community's artifacts from other communities (its own on itself is not received). */
export const receivedOf = (slug: string, feedbackOn: readonly FeedbackOn[]) =>
  feedbackOn.filter((f) => f.community !== slug);

/** Whether a feedback item was answered by the window's end. */
export const answeredBy = (f: FeedbackOn, { to }: Span) =>
  f.firstResponseAt !== null && f.firstResponseAt <= to.getTime();

/**
 * The figures the rules read (inputs.ts), from a window's lists: how the live path computes them
 * for both windows, and the index for the window whose lists the query shows. The index's SQL
 * computes the same where no list is shown (FIGURES_SQL; a test holds them equal).
 */
export function figuresOf(inputs: SignInputs, span: Span): SignFigures {
  const sixMonthsBefore = addMonths(span.to, -6).getTime();
  const recent = (times: number[]) => times.filter((at) => at >= sixMonthsBefore).length;
  const received = receivedOf(inputs.slug, inputs.feedbackOn);
  const asks = [...received.map((f) => f.givenAt), ...inputs.needAnswers.map((a) => a.at)];
  const impacts = inputs.impacts.map((a) => a.at);
  return {
    publishedPerMonth: inputs.publishedPerMonth,
    published: inputs.windowArtifacts.length,
    old: inputs.old,
    unused: inputs.unused.length,
    feedback: inputs.feedbackOn.length,
    received: received.length,
    responseMs: received.filter((f) => answeredBy(f, span)).map((f) => f.firstResponseAt! - f.givenAt),
    asks: asks.length,
    asksInLast6Months: recent(asks),
    impacts: impacts.length,
    impactsInLast6Months: recent(impacts),
    unreviewed: inputs.unreviewed.length,
  };
}

/** A window with its lists, as the record holds it: the figures computed from them, the lists beside. */
export function withFigures(inputs: SignInputs, span: Span): WindowInputs {
  const { slug, name, roles, firstPublishedAt } = inputs;
  const { windowArtifacts, unused, feedbackOn, needAnswers, impacts, unreviewed } = inputs;
  const lists: SignLists = { windowArtifacts, unused, feedbackOn, needAnswers, impacts, unreviewed };
  return { slug, name, roles, firstPublishedAt, figures: figuresOf(inputs, span), lists };
}
