// What the servers import to serve the pages; the pages themselves are bundled by build.mjs.
export { contentSecurityPolicy, securityHeaders } from './content-security';
export { pagesHandler, type PageApp, type PagesHandler, type PagesOptions } from './pages';

/** The explorer's routes below `/` (web/src/explorer/routes.ts draws them). */
export const EXPLORER_PAGES = /^(|search|needs|report|a\/[^/]+|c\/[^/]+)$/;
/** The desk is one page below `/desk/`; it routes in the fragment. */
export const DESK_PAGES = /^$/;
