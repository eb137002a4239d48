import { readNodeConfig } from '../config';

/** GATEWAY_URL tells the desk where the Commons is; a wrong one is refused at start, not in a browser. */
describe("the desk's GATEWAY_URL", () => {
  const read = (GATEWAY_URL?: string) => readNodeConfig({ COMMUNITY_SLUG: 'desk-circle', GATEWAY_URL });

  it('is optional: without it the desk hides the pages that need the Commons', () => {
    expect(read().gatewayUrl).toBeUndefined();
    expect(read('').gatewayUrl).toBeUndefined();
  });

  it('is kept without a trailing slash, so the desk can append /graphql and /a/<id>', () => {
    expect(read('https://commons.example/').gatewayUrl).toBe('https://commons.example');
    expect(read('http://127.0.0.1:4000').gatewayUrl).toBe('http://127.0.0.1:4000');
  });

  it('must be an http(s) address', () => {
    for (const wrong of ['commons.example', 'javascript:alert(1)', 'ftp://commons.example']) {
      expect(() => read(wrong)).toThrow(/GATEWAY_URL must be the gateway's http\(s\) address/);
    }
  });
});
