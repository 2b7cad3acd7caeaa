import { afterATurn } from './after-a-turn';

describe('afterATurn', () => {
  it('lets what waits on the event loop (a probe on the opened port) run before the module loads', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('probe answered'));
    const loaded = await afterATurn(async () => {
      order.push('module loaded');
      return 'the module';
    });
    expect(loaded).toBe('the module');
    expect(order).toEqual(['probe answered', 'module loaded']);
  });
});
