// The live stream's filter (issue 11, point 3): tree topics of the reader's organisation only.
import { describe, expect, it } from 'vitest';
import { isTreeTopic, mayReceive, publicIds } from '../../src/modules/events/rules/visibility.js';

const reader = { organisationId: 'org-1' };

describe('live event visibility', () => {
  it('passes changes of the own organisation’s tree', () => {
    for (const topic of ['body.created', 'body.renamed', 'office.assigned', 'office.ended', 'enterprise.created'])
      expect(mayReceive(reader, topic, { organisationId: 'org-1', bodyId: 'b' })).toBe(true);
    expect(mayReceive(reader, 'statute.adopted', { organisationId: 'org-1' })).toBe(true);
  });
  it('refuses another organisation and events without one', () => {
    expect(mayReceive(reader, 'body.created', { organisationId: 'org-2' })).toBe(false);
    expect(mayReceive(reader, 'body.created', {})).toBe(false);
    expect(mayReceive(reader, 'body.created', null)).toBe(false);
  });
  it('never streams events about people', () => {
    for (const topic of [
      'person.created',
      'person.updated',
      'discipline.case_opened',
      'dues.paid',
      'review.opened',
      'members.imported',
      'organisation.administrator',
      'bodyguard.hired',
    ]) {
      expect(isTreeTopic(topic)).toBe(false);
      expect(mayReceive(reader, topic, { organisationId: 'org-1', personId: 'p' })).toBe(false);
    }
  });
  it('drops lists of people from tree events, keeps an office holder', () => {
    expect(publicIds('body.created', { id: 1, bodyId: 'b', parentId: 'p', foundingMemberIds: ['x', 'y'] })).toEqual({
      id: 1,
      bodyId: 'b',
      parentId: 'p',
    });
    expect(publicIds('office.assigned', { id: 2, officeId: 'o', personId: 'h' })).toEqual({
      id: 2,
      officeId: 'o',
      personId: 'h',
    });
    expect(publicIds('body.moved', { id: 3, bodyId: 'b', personId: 'x' })).toEqual({ id: 3, bodyId: 'b' });
  });
});
