import {
  codesOf,
  fill,
  launchBrowser,
  press,
  signInAtDesk,
  startTestCommons,
  waitForText,
  watchedPage,
  type TestCommons,
} from '@commons-graph/testing';
import type { Browser } from 'puppeteer-core';

/**
 * The desk's "Our community" page in a real browser against a real node and gateway: a steward keeps
 * the profile, the contribution roles and the learning cycles the Commons reads; a member reads
 * them and changes nothing, and the API refuses a member anyway.
 */
describe('the desk: our community', () => {
  let commons: TestCommons;
  let browser: Browser;

  beforeAll(async () => {
    [commons, browser] = await Promise.all([
      startTestCommons(['soil-circle'], { desks: true }),
      launchBrowser(),
    ]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await commons?.stop();
  });

  it('lets a steward keep the profile, roles and learning cycles, and a member only read them', async () => {
    const soil = commons.nodes['soil-circle'];
    const { page, troubles } = await watchedPage(browser);
    const publicCommunity = () =>
      soil
        .publicOk(
          `{ community { name description region website
            contributionRoles { personName role hoursPerMonth resourcedHoursPerMonth endsOn }
            learningCycles { cadence startsOn endsOn becameClear } } }`,
        )
        .then((a) => a.community);

    await signInAtDesk(page, soil.node.url, soil.tokens.steward);
    await page.goto(`${soil.node.url}/desk#community`);
    await waitForText(page, 'Save profile');

    // A blank name is refused beside the field; the profile is saved once it has one.
    await fill(page, { Name: ' ', Description: 'Stewards of the valley soils', Region: 'Valley' });
    await press(page, 'Save profile');
    await page.waitForSelector('.field.invalid .field-problem');
    expect(await page.$eval('.field.invalid label', (label) => label.textContent)).toBe('Name');
    await fill(page, { Name: 'Soil Circle of the Valley' });
    await press(page, 'Save profile');
    await waitForText(page, 'Profile saved.');
    expect(await publicCommunity()).toMatchObject({
      name: 'Soil Circle of the Valley',
      description: 'Stewards of the valley soils',
      region: 'Valley',
    });

    await fill(page, {
      Person: 'Ana Silva',
      Role: 'liaison',
      'Hours a month': '10',
      'Of them resourced (paid or released)': '4',
      'Role starts on': '2026-09-01',
    });
    await press(page, 'Add role');
    await waitForText(page, 'Ana Silva, liaison: 10 hours a month, 4 of them resourced, since 2026-09-01');
    await fill(page, { "Ana Silva's role ends on": '2026-11-30' });
    await press(page, 'End role');
    await waitForText(page, 'until 2026-11-30');

    // One cycle shared with the Commons, one kept inside: the public API shows only the first.
    await fill(page, {
      'Cycle starts on': '2026-10-01',
      'Cycle ends on': '2026-10-31',
      'What became clear': 'Cover crops before compost',
    });
    await page.locator('::-p-aria([name="Share this summary with the Commons"][role="checkbox"])').click();
    await press(page, 'Record cycle');
    await waitForText(page, 'shared with the Commons');
    await fill(page, {
      'Cycle starts on': '2026-11-01',
      'Cycle ends on': '2026-11-30',
      'What became clear': 'Our own doubts',
    });
    await page.locator('::-p-aria([name="Share this summary with the Commons"][role="checkbox"])').click();
    await press(page, 'Record cycle');
    await waitForText(page, 'kept inside the community');
    const shown = await publicCommunity();
    expect(shown.contributionRoles).toEqual([
      {
        personName: 'Ana Silva',
        role: 'liaison',
        hoursPerMonth: 10,
        resourcedHoursPerMonth: 4,
        endsOn: '2026-11-30',
      },
    ]);
    expect(shown.learningCycles).toEqual([
      {
        cadence: 'MONTHLY',
        startsOn: '2026-10-01',
        endsOn: '2026-10-31',
        becameClear: 'Cover crops before compost',
      },
    ]);

    // The explorer shows the new profile through the gateway.
    await page.goto(`${commons.gateway.url}/c/soil-circle`);
    await waitForText(page, 'Stewards of the valley soils');

    // A member reads all of it and is offered no change; the API refuses one anyway.
    await signInAtDesk(page, soil.node.url, soil.tokens.member);
    await page.goto(`${soil.node.url}/desk#community`);
    const asMember = await waitForText(page, 'Our own doubts');
    expect(asMember).toContain('Stewards of the valley soils');
    expect(await page.$$eval('button', (buttons) => buttons.map((b) => b.textContent))).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/Save profile|Add role|End role|Record cycle/)]),
    );
    const refused = await soil.admin(
      `mutation { updateProfile(input: { description: "taken over" }) { slug } }`,
      {},
      'member',
    );
    expect(codesOf(refused)).toEqual(['FORBIDDEN']);
    expect(troubles).toEqual([]);
    await page.close();
  }, 90_000);
});
