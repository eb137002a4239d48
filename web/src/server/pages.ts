import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { securityHeaders } from './content-security';

/**
 * Serves one bundled page app (the explorer or the desk): the HTML shell for every page path (the
 * app routes in the browser, so deep links work) and its content-hashed assets, cached for a year.
 */
export type PageApp = 'explorer' | 'desk';

export interface PagesOptions {
  app: PageApp;
  /** Where the app is mounted, with a trailing slash: '/' or '/desk/'. */
  base: string;
  title: string;
  /** Origins besides our own the page may send requests to (the desk reads the gateway). */
  connectOrigins?: string[];
  /** Values the page reads from `<meta name="commons-…">` tags: no inline script needed. */
  meta?: Record<string, string>;
  /** The shell's cache policy: the desk is never stored, the explorer revalidates. */
  shellCache: 'no-store' | 'no-cache';
  /** The paths below `base` the app draws (its router's routes); others are not ours. */
  pages: RegExp;
}

interface Asset {
  type: string;
  body: Buffer;
  gzipped: Buffer;
}

/** Handles a request for a path below `base` (given without it); false when it is not ours. */
export type PagesHandler = (req: IncomingMessage, res: ServerResponse, path: string) => boolean;

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function shell(options: PagesOptions, script: string, style: string): string {
  const meta = Object.entries(options.meta ?? {})
    .map(([name, value]) => `<meta name="commons-${name}" content="${escapeAttribute(value)}">`)
    .join('');
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    // No favicon to fetch (a 404 in every test's console otherwise).
    '<link rel="icon" href="data:,">' +
    `<title>${escapeAttribute(options.title)}</title>${meta}` +
    `<link rel="stylesheet" href="${options.base}assets/${style}">` +
    `<script type="module" src="${options.base}assets/${script}"></script>` +
    '</head><body><div id="app"></div>' +
    '<noscript>These pages need JavaScript; the GraphQL API works without them.</noscript></body></html>'
  );
}

function missing(app: PageApp): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not built</title></head>` +
    `<body><p>The ${app} is not built yet: run <code>npm run build</code>.</p></body></html>`
  );
}

export function pagesHandler(options: PagesOptions): PagesHandler {
  // From dist/server (built) and src/server (tests) alike.
  const dir = join(__dirname, '..', '..', 'dist', options.app);
  const manifestFile = join(dir, 'manifest.json');
  const headers = securityHeaders(options.connectOrigins);
  const assets = new Map<string, Asset>();
  let html: string;
  if (existsSync(manifestFile)) {
    const { script, style } = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, string>;
    for (const file of [script, style]) {
      const body = readFileSync(join(dir, file));
      assets.set(file, { type: TYPES[file.split('.').pop()!], body, gzipped: gzipSync(body, { level: 9 }) });
    }
    html = shell(options, script, style);
  } else {
    html = missing(options.app);
  }

  return (req, res, path) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (!path.startsWith('assets/') && !options.pages.test(path)) return false;
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (path.startsWith('assets/')) {
      const asset = assets.get(path.slice('assets/'.length));
      if (!asset) {
        res.statusCode = 404;
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        res.end('Not found');
        return true;
      }
      const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      res.setHeader('content-type', asset.type);
      res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      res.setHeader('vary', 'accept-encoding');
      if (gzip) res.setHeader('content-encoding', 'gzip');
      res.end(req.method === 'HEAD' ? undefined : gzip ? asset.gzipped : asset.body);
      return true;
    }
    res.statusCode = assets.size > 0 ? 200 : 503;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('cache-control', options.shellCache);
    res.end(req.method === 'HEAD' ? undefined : html);
    return true;
  };
}
