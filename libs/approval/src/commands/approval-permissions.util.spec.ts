import type { StepResolution } from '../core/who-may-act.util';
import { APPROVAL_COMMANDS } from '../dto/approval-views';
import { permission } from './approval-permissions.util';

const capacity = {
  kind: 'own' as const,
  stepPositionId: 'head',
  stepPositionTitle: 'หัวหน้าสำนักปลัด',
  ownPositionTitle: null,
  orderId: null,
  orderReference: null,
};
const atHead: StepResolution = { kind: 'actors', actors: [{ personId: 'head', capacity }] };

describe('permission', () => {
  const allowed = (personId: string, roles: ('officer' | 'clerk' | 'admin')[], r: StepResolution | null) =>
    APPROVAL_COMMANDS.filter((c) => permission(c, { personId, roles }, 'author', r).ok);

  it('gives each person their commands', () => {
    expect(allowed('author', ['officer'], atHead)).toEqual(['submit', 'withdraw']);
    expect(allowed('head', ['officer'], atHead)).toEqual(['endorse', 'return', 'decide']);
    expect(allowed('clerk', ['officer', 'clerk'], atHead)).toEqual(['cancel']);
    expect(allowed('admin', ['admin'], atHead)).toEqual([]);
    expect(allowed('admin', ['admin'], { kind: 'stuck' })).toEqual(['reroute']);
    expect(allowed('clerk', ['clerk'], { kind: 'author_only' })).toEqual(['cancel', 'reroute']);
  });

  it('answers the capacity found for the step', () => {
    expect(permission('endorse', { personId: 'head', roles: ['officer'] }, 'author', atHead)).toEqual({
      ok: true,
      capacity,
    });
    expect(permission('endorse', { personId: 'chief', roles: ['officer'] }, 'author', atHead)).toEqual({
      ok: false,
      notYourTurn: true,
    });
  });
});
