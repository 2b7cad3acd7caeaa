import { buildEvent } from './envelope';
import { validateEventData } from './event-validation';

const validProgram = { programId: '3f0c8e2a-7d1b-4c55-9a51-0c9f3f5b7e21', name: 'Financial System Migration', description: '', tags: ['finance'], registeredAt: '2026-11-24T10:00:00.000Z' };

describe('validateEventData', () => {
  it('accepts data that matches its schema', () => {
    expect(validateEventData('pmo.program.registered.v1', validProgram)).toEqual({ valid: true });
  });

  it.each([
    ['a missing field', { ...validProgram, name: undefined }, "/ must have required property 'name'"],
    ['an extra field', { ...validProgram, budget: 1 }, '/ must NOT have additional properties'],
    ['a wrong type', { ...validProgram, tags: 'finance' }, '/tags must be array'],
    ['a malformed uuid', { ...validProgram, programId: 'p-1' }, '/programId must match format "uuid"'],
    ['a malformed date', { ...validProgram, registeredAt: 'yesterday' }, '/registeredAt must match format "date-time"'],
  ])('refuses %s and says where', (_case, data, reason) => {
    const result = validateEventData('pmo.program.registered.v1', JSON.parse(JSON.stringify(data)));
    expect(result).toEqual({ valid: false, code: 'SCHEMA', reason: expect.stringContaining(reason) });
  });

  it('refuses an event type the catalog does not know', () => {
    expect(validateEventData('pmo.unknown.v1', {})).toEqual({ valid: false, code: 'UNKNOWN_TYPE', reason: 'unknown event type pmo.unknown.v1' });
  });
});

describe('buildEvent', () => {
  it('wraps the data in a CloudEvents 1.0 envelope whose subject is the aggregate id', () => {
    const event = buildEvent({ type: 'pmo.program.registered.v1', source: '/pmo/program-pmo', data: validProgram, time: new Date('2026-11-24T10:00:00Z') });
    expect(event).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      source: '/pmo/program-pmo',
      type: 'pmo.program.registered.v1',
      specversion: '1.0',
      time: '2026-11-24T10:00:00.000Z',
      subject: validProgram.programId,
      datacontenttype: 'application/json',
      data: validProgram,
    });
  });

  it('refuses to build an event whose data breaks its schema', () => {
    expect(() => buildEvent({ type: 'pmo.program.registered.v1', source: '/pmo/program-pmo', data: { ...validProgram, name: '' } })).toThrow(/invalid pmo.program.registered.v1 payload: \/name must NOT have fewer than 1 characters/);
  });
});
