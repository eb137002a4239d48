import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort } from '@commons-graph/postgres';
import { link, startTestNode, type TestNode } from '@commons-graph/testing';
import pino from 'pino';
import { readNodeConfig } from '../config';
import { FeedPinger } from '../feed/pings';
import { feedPage } from './support/feed';

/** A follower's ping endpoint: records each ping; `answer: false` holds every request open forever. */
async function pingListener({ answer }: { answer: boolean }) {
  const pings: Array<{ body: unknown; contentType?: string }> = [];
  const waiting: Array<() => void> = [];
  const held: ServerResponse[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      pings.push({ body: JSON.parse(text), contentType: req.headers['content-type'] });
      waiting.splice(0).forEach((wake) => wake());
      if (answer) res.writeHead(204).end();
      else held.push(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed/ping`,
    pings,
    held,
    /** Resolves once a ping satisfying `test` has arrived. */
    async until(test: (body: { community: string; head: number }) => boolean): Promise<void> {
      while (!pings.some((ping) => test(ping.body as { community: string; head: number }))) {
        await new Promise<void>((wake) => waiting.push(wake));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        held.forEach((res) => res.destroy());
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('a node pings its followers after each public change', () => {
  let listener: Awaited<ReturnType<typeof pingListener>>;
  let node: TestNode;
  beforeAll(async () => {
    listener = await pingListener({ answer: true });
    node = await startTestNode('ping-circle', 'Ping Circle', { feedPingUrls: [listener.url] });
  });
  afterAll(async () => {
    await node?.stop();
    await listener?.close();
  });

  it('POSTs the community and the latest head as JSON, nothing else', async () => {
    await link(node, 'postNeed', { title: 'Rack diagrams', body: 'Any' });
    const { head } = await feedPage(node);
    await listener.until((body) => body.head === head);
    const ping = listener.pings.find((p) => (p.body as { head: number }).head === head)!;
    expect(ping.body).toEqual({ community: 'ping-circle', head });
    expect(ping.contentType).toBe('application/json');
    // Every ping carries a head the feed had reached, never more.
    for (const { body } of listener.pings) expect((body as { head: number }).head).toBeLessThanOrEqual(head);
  });

  it('ends with a ping at the final head after a burst of changes', async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => link(node, 'postNeed', { title: `Burst ${i}`, body: 'b' })),
    );
    const { head } = await feedPage(node);
    await listener.until((body) => body.head === head);
  });
});

describe('pings within a short window', () => {
  it('share one ping carrying the latest head', async () => {
    const listener = await pingListener({ answer: true });
    const pinger = new FeedPinger({
      urls: [listener.url],
      community: 'ping-circle',
      logger: pino({ level: 'silent' }),
    });
    try {
      // Three commits in one tick: one ping, with the highest head, whatever order they were told in.
      pinger.notify(3);
      pinger.notify(5);
      pinger.notify(4);
      await listener.until((body) => body.head === 5);
      pinger.notify(6);
      await listener.until((body) => body.head === 6);
      expect(listener.pings.map((p) => p.body)).toEqual([
        { community: 'ping-circle', head: 5 },
        { community: 'ping-circle', head: 6 },
      ]);
    } finally {
      pinger.stop();
      await listener.close();
    }
  });
});

describe('a follower that is down or hangs costs the node nothing', () => {
  it('answers mutations while pings go unanswered or are refused', async () => {
    const hanging = await pingListener({ answer: false });
    const refused = `http://127.0.0.1:${await freePort()}/feed/ping`;
    const node = await startTestNode('quiet-circle', 'Quiet Circle', {
      feedPingUrls: [refused, hanging.url],
    });
    try {
      const first = await link(node, 'postNeed', { title: 'One', body: 'b' });
      await hanging.until(() => true);
      // The first ping is still unanswered, and the next mutation still succeeds.
      expect(hanging.held).toHaveLength(1);
      const second = await link(node, 'postNeed', { title: 'Two', body: 'b' });
      expect([first, second]).toEqual([
        expect.stringMatching(/^quiet-circle:/),
        expect.stringMatching(/^quiet-circle:/),
      ]);
      const { head } = await feedPage(node);
      await hanging.until((body) => body.head === head);
    } finally {
      await node.stop();
      await hanging.close();
    }
  });
});

describe('FEED_PING_URLS', () => {
  it('takes comma-separated http(s) URLs and refuses anything else', () => {
    const config = (urls: string) => readNodeConfig({ COMMUNITY_SLUG: 'ping-circle', FEED_PING_URLS: urls });
    expect(config('').feedPingUrls).toEqual([]);
    expect(config('http://gateway:4000/feed/ping, https://index.example/ping').feedPingUrls).toEqual([
      'http://gateway:4000/feed/ping',
      'https://index.example/ping',
    ]);
    expect(() => config('http://gateway:4000/feed/ping,ftp://x')).toThrow(/FEED_PING_URLS: "ftp:\/\/x"/);
    expect(() => config('gateway:4000')).toThrow(/FEED_PING_URLS/);
  });
});
