import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import '../shared/style.css';
import { ArtifactPage } from './ArtifactPage';
import { CommunityPage } from './CommunityPage';
import { NeedsPage } from './NeedsPage';
import { ReportPage } from './ReportPage';
import { followLinksInPage } from './navigation';
import { routeOf, type Route } from './routes';
import { SearchPage } from './SearchPage';

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'search':
      return <SearchPage params={route.params} />;
    case 'artifact':
      return <ArtifactPage id={route.id} />;
    case 'community':
      return <CommunityPage slug={route.slug} params={route.params} />;
    case 'needs':
      return <NeedsPage params={route.params} />;
    case 'report':
      return <ReportPage params={route.params} />;
    default:
      return (
        <>
          <h1>Page not found</h1>
          <p>
            <a href="/">Search the Commons</a>
          </p>
        </>
      );
  }
}

function Explorer() {
  const current = () => routeOf(location.pathname, location.search);
  const [route, setRoute] = useState<Route>(current);
  useEffect(() => followLinksInPage(() => setRoute(current())), []);
  return (
    <>
      <a class="visually-hidden" href="#content">
        Skip to content
      </a>
      <header class="site">
        <a class="brand" href="/">
          Commons explorer
        </a>
        <nav aria-label="Explorer">
          <ul>
            <li>
              <a href="/">Search</a>
            </li>
            <li>
              <a href="/needs">Needs board</a>
            </li>
            <li>
              <a href="/report">Steward's report</a>
            </li>
            <li>
              <a href="/graphql">GraphQL sandbox</a>
            </li>
          </ul>
        </nav>
      </header>
      <main id="content">
        <Page route={route} />
      </main>
    </>
  );
}

render(<Explorer />, document.getElementById('app')!);
