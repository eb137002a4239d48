import { addMonths, type Span } from './calendar';
import type { SignFigures, SignInputs } from './inputs';

/** Feedback on the community's artifacts from other communities (its own on itself is not received). */
export const receivedOf = (inputs: SignInputs) =>
  inputs.feedbackOn.filter((f) => f.community !== inputs.slug);

/** Whether a feedback item was answered by the window's end. */
export const answeredBy = (f: SignInputs['feedbackOn'][number], { to }: Span) =>
  f.firstResponseAt !== null && f.firstResponseAt <= to.getTime();

/**
 * The figures the rules read (inputs.ts), from a window's lists: how the live path computes them
 * for the window six months earlier, and how the report computes them for the window itself on
 * either path. The index's SQL computes the same for the earlier window (a test holds them equal).
 */
export function figuresOf(inputs: SignInputs, span: Span): SignFigures {
  const sixMonthsBefore = addMonths(span.to, -6).getTime();
  const recent = (times: number[]) => times.filter((at) => at >= sixMonthsBefore).length;
  const received = receivedOf(inputs);
  const asks = [...received.map((f) => f.givenAt), ...inputs.needAnswers.map((a) => a.at)];
  const impacts = inputs.impacts.map((a) => a.at);
  return {
    publishedPerMonth: inputs.publishedPerMonth,
    published: inputs.windowArtifacts.length,
    old: inputs.old,
    unused: inputs.unused.length,
    received: received.length,
    responseMs: received.filter((f) => answeredBy(f, span)).map((f) => f.firstResponseAt! - f.givenAt),
    asks: asks.length,
    asksInLast6Months: recent(asks),
    impacts: impacts.length,
    impactsInLast6Months: recent(impacts),
    unreviewed: inputs.unreviewed.length,
  };
}
