import { describe, expect, it } from 'vitest';
import type { ActionView } from '../../../contracts/actions.ts';
import { actionEditing, followUpOrder, weekNumber } from './action-rules.ts';

const action = (number: number, status: ActionView['status'], dueOn: string, overdue = false) =>
  ({ id: `a${number}`, number, status, dueOn, overdue, organisationCode: 'huge-bostader' }) as ActionView;

describe('follow-up order', () => {
  it('puts overdue actions first, then open ones by due date, then closed ones latest first', () => {
    const actions = [
      action(1, 'done', '2026-10-01'),
      action(2, 'planned', '2026-12-01'),
      action(3, 'in-progress', '2026-11-01', true),
      action(4, 'cancelled', '2026-11-15'),
      action(5, 'planned', '2026-10-20', true),
      action(6, 'in-progress', '2026-11-30'),
      action(7, 'planned', '2026-11-30'),
    ];
    expect(followUpOrder(actions).map((a) => a.number)).toEqual([5, 3, 6, 7, 2, 4, 1]);
    expect(actions[0]!.number).toBe(1);
  });
});

describe('who may change an action', () => {
  it('lets coordinators change everything and the responsible organisation report progress', () => {
    const a = action(1, 'planned', '2026-12-01');
    expect(actionEditing({ role: 'samordnare', organisationCode: 'huddinge-kommun' }, a)).toBe('all');
    expect(actionEditing({ role: 'admin', organisationCode: 'huddinge-kommun' }, a)).toBe('all');
    expect(actionEditing({ role: 'rapportor', organisationCode: 'huge-bostader' }, a)).toBe('progress');
    expect(actionEditing({ role: 'lasare', organisationCode: 'huge-bostader' }, a)).toBe('none');
    expect(actionEditing({ role: 'rapportor', organisationCode: 'sbff' }, a)).toBe('none');
  });
});

describe('week numbers', () => {
  it('reads the number of an ISO week', () => {
    expect(weekNumber('2026-W07')).toBe(7);
    expect(weekNumber('2026-W47')).toBe(47);
  });
});
