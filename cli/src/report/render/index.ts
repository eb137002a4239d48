export * from './document';
export { renderMarkdown } from './markdown';
export { renderCsv } from './csv';
export { renderHtml } from './html';
