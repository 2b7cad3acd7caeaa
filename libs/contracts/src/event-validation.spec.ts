import { buildEvent } from './envelope';
import { EVENT_CATALOG } from './catalog';
import { validateEventData } from './event-validation';

const validProgram = {
  programId: '3f0c8e2a-7d1b-4c55-9a51-0c9f3f5b7e21',
  name: 'Financial System Migration',
  description: '',
  tags: ['finance'],
  registeredAt: '2026-11-24T10:00:00.000Z',
};

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
    expect(() => buildEvent({ type: 'pmo.program.registered.v1', source: '/pmo/program-pmo', data: { ...validProgram, name: '' } })).toThrow(
      /invalid pmo.program.registered.v1 payload: \/name must NOT have fewer than 1 characters/,
    );
  });
});

describe('the event catalog', () => {
  it.each(Object.keys(EVENT_CATALOG))('%s has a schema that compiles and refuses an empty payload', (type) => {
    expect(validateEventData(type, {})).toMatchObject({ valid: false, code: 'SCHEMA' });
  });

  it('accepts a published standard version with a two-wave rollout', () => {
    const published = {
      standardId: '8d3f9a60-1b7e-4d2c-9f3a-5e6b7c8d9e0f',
      key: 'status-reporting',
      title: 'Status reporting',
      kind: 'standard',
      level: 'mandatory',
      versionId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
      version: '1.0.0',
      effectiveDate: '2027-01-01',
      adoptionDeadline: '2027-03-31',
      applicability: { scope: 'organisation' },
      requirements: [{ id: 'STATUS-CADENCE', text: 'Report status every 7 to 14 days', leeway: { kind: 'range', min: 7, max: 14, unit: 'days' } }],
      rollout: [
        { name: 'wave 1', programIds: [], programTags: ['finance'], opensOn: '2027-01-01', adoptionDeadline: '2027-02-28' },
        { name: 'wave 2', programIds: [], programTags: ['hr'], opensOn: '2027-02-01', adoptionDeadline: '2027-03-31' },
      ],
      publishedAt: '2026-12-01T09:00:00.000Z',
    };
    expect(validateEventData('pmo.standard.version-published.v1', published)).toEqual({ valid: true });
  });
});
