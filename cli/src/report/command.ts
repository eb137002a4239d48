import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { fetchReport, renderReport, type ReportFormat } from './client';

function date(value: string): Date {
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw new Error(`"${value}" is not a date (use YYYY-MM-DD)`);
  return parsed;
}

/** `report`: the command a steward runs, on its own (`commons-report`) or under `commons`. */
export function reportCommand(name = 'report'): Command {
  return new Command(name)
    .description("A steward's report: each community's vitality and the ecosystem figures, from a gateway.")
    .requiredOption('--gateway <url>', 'the gateway GraphQL URL, e.g. http://localhost:4000/graphql')
    .requiredOption('--from <date>', 'start of the window, e.g. 2026-01-01')
    .requiredOption('--to <date>', 'end of the window (inclusive), e.g. 2026-10-31')
    .addOption(
      new Option('--format <format>', 'output format').choices(['md', 'json', 'csv', 'html']).default('md'),
    )
    .option('--community <slug>', 'only this community (ecosystem figures still cover all)')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(
      async (options: {
        gateway: string;
        from: string;
        to: string;
        format: ReportFormat;
        community?: string;
        out?: string;
      }) => {
        const to = date(options.to);
        if (/^\d{4}-\d{2}-\d{2}$/.test(options.to)) to.setUTCHours(23, 59, 59, 999);
        const doc = await fetchReport({
          gateway: options.gateway,
          from: date(options.from),
          to,
          community: options.community,
          progress: (line) => process.stderr.write(`${line}\n`),
        });
        const text = renderReport(doc, options.format);
        if (options.out) {
          writeFileSync(options.out, text);
          process.stderr.write(`Wrote ${options.out}\n`);
        } else {
          process.stdout.write(text);
        }
      },
    );
}
