import { CircuitBreaker } from '../node-client/breaker';

/** A breaker on a clock the test moves by hand. */
function breakerAt(threshold: number, cooldownMs: number) {
  const clock = { now: 10_000 };
  return { clock, breaker: new CircuitBreaker(threshold, cooldownMs, () => clock.now) };
}

describe('the per-node circuit breaker', () => {
  it('starts closed and stays closed below the threshold of consecutive failures', () => {
    const { breaker } = breakerAt(3, 1000);
    expect(breaker.isOpen).toBe(false);
    expect(breaker.consecutiveFailures).toBe(0);
    breaker.failure();
    breaker.failure();
    expect(breaker.consecutiveFailures).toBe(2);
    expect(breaker.isOpen).toBe(false);
  });

  it('opens at the threshold for exactly the cool-down', () => {
    const { clock, breaker } = breakerAt(3, 1000);
    for (let i = 0; i < 3; i++) breaker.failure();
    expect(breaker.consecutiveFailures).toBe(3);
    expect(breaker.isOpen).toBe(true);
    clock.now += 999;
    expect(breaker.isOpen).toBe(true);
    clock.now += 1;
    expect(breaker.isOpen).toBe(false);
  });

  it('with a threshold of one, opens on the first failure', () => {
    const { breaker } = breakerAt(1, 50);
    breaker.failure();
    expect(breaker.isOpen).toBe(true);
  });

  it('starts a new cool-down on each further failure', () => {
    const { clock, breaker } = breakerAt(2, 1000);
    breaker.failure();
    breaker.failure();
    clock.now += 1000;
    expect(breaker.isOpen).toBe(false);
    breaker.failure(); // the probe after the cool-down failed too
    expect(breaker.consecutiveFailures).toBe(3);
    clock.now += 999;
    expect(breaker.isOpen).toBe(true);
  });

  it('closes on any success and counts failures from zero again', () => {
    const { breaker } = breakerAt(3, 1000);
    for (let i = 0; i < 3; i++) breaker.failure();
    breaker.success();
    expect(breaker.isOpen).toBe(false);
    expect(breaker.consecutiveFailures).toBe(0);
    breaker.failure();
    breaker.failure();
    expect(breaker.isOpen).toBe(false);
    breaker.failure();
    expect(breaker.isOpen).toBe(true);
  });

  it('reads the wall clock by default', () => {
    const breaker = new CircuitBreaker(1, 60_000);
    breaker.failure();
    expect(breaker.isOpen).toBe(true);
  });
});
