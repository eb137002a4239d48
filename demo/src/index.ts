export { startDemoCommons, type DemoOptions, type RunningDemo, type DemoNode } from './commons';
export { backdateDemo } from './backdate';
export { seedDemo } from './seed';
export { DEMO_COMMUNITIES } from './seed-data';
export { EXAMPLE_QUERIES } from './examples';
