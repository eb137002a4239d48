import { Loading, Problems, day, useLoad } from '../shared/ui';
import { askCommons } from './commons';
import {
  AdoptionMatrix,
  Communities,
  DanglingLinks,
  Headlines,
  LicenceConflicts,
  LineageReach,
  MonthlyFlow,
  REPORT_QUERY,
  ResponseTimes,
  UnansweredNeeds,
  type ReportAnswer,
} from './report-sections';
import { windowOf } from './window';
import { WindowPicker } from './WindowPicker';

/** The steward's report for a window; the CLI writes the same report as HTML, Markdown, CSV or JSON. */
export function ReportPage({ params }: { params: URLSearchParams }) {
  const window = windowOf(params);
  const [loaded] = useLoad(String(window.months), () =>
    askCommons<ReportAnswer>(REPORT_QUERY, { from: window.from, to: window.to }),
  );
  return (
    <>
      <h1>Steward's report</h1>
      <WindowPicker path="/report" months={window.months} />
      <p class="muted">
        The same report with charts, as HTML, Markdown, CSV or JSON:{' '}
        <code>
          npx commons report --gateway {location.origin}/graphql --from {day(window.from)} --to{' '}
          {day(window.to)} --format html --out report.html
        </code>
      </p>
      <Loading loaded={loaded}>
        {({ data, problems }) => {
          const report = data!.commonsReport;
          return (
            <>
              <Problems problems={problems} />
              {report.unavailableCommunities.length ? (
                <p class="refused">Did not answer: {report.unavailableCommunities.join(', ')}</p>
              ) : null}
              <Headlines report={report} />
              <Communities report={report} />
              <AdoptionMatrix report={report} />
              <LineageReach report={report} />
              <MonthlyFlow report={report} />
              <ResponseTimes report={report} />
              <DanglingLinks report={report} />
              <LicenceConflicts report={report} />
              <UnansweredNeeds report={report} day={day} />
            </>
          );
        }}
      </Loading>
    </>
  );
}
