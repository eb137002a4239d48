import { routeOf } from './routes';

/** History routing: in-app links change the page without a load, and Back works. */
let routeChanged = () => {};

/** Follows in-app links without a page load; anything else (sandbox, other origins) loads normally. */
export function followLinksInPage(onChange: () => void): void {
  routeChanged = onChange;
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element | null)?.closest?.('a');
    const href = link?.getAttribute('href');
    if (!link || !href || !href.startsWith('/') || href.startsWith('//')) return;
    if (routeOf(href.split('?')[0], '').page === 'missing') return;
    event.preventDefault();
    navigate(href);
  });
  window.addEventListener('popstate', onChange);
}

export function navigate(href: string): void {
  history.pushState(null, '', href);
  window.scrollTo(0, 0);
  routeChanged();
}
