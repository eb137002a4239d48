export { reportCommand } from './report/command';
export { fetchReport, renderReport, type ReportFormat, type ReportRequest } from './report/client';
export * from './report/render';
