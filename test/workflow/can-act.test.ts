// Jurisdiction: a readable table of the rules, then every combination of role, department,
// district and mandal (of the officer and of the application) against a plain statement of
// the rules, and the SQL-side filter (`jurisdictionOf`) agreeing with `canAct` everywhere.
import { describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { canAct, jurisdictionOf, normalizeAreaName, OFFICER_ROLES, withinJurisdiction, type ApplicationArea, type Officer, type OfficerRole } from '../../src/workflow/index.ts';

const APP: ApplicationArea = { department: 'revenue', district: 'guntur', mandal: 'tenali' };

describe('the rules, case by case', () => {
  const rows: [string, Officer, ApplicationArea, boolean][] = [
    ['state administrator, anywhere', { role: 'state_administrator' }, APP, true],
    ['state administrator of another department still', { role: 'state_administrator', department: 'energy', district: 'krishna' }, APP, true],
    ['department administrator, own department, any district', { role: 'department_administrator', department: 'revenue', district: 'krishna' }, APP, true],
    ['department administrator, another department', { role: 'department_administrator', department: 'energy' }, APP, false],
    ['department administrator without a department', { role: 'department_administrator' }, APP, false],
    ['approving officer, own district, no mandal on the account', { role: 'approving_officer', department: 'revenue', district: 'guntur' }, APP, true],
    ['approving officer, own district and mandal', { role: 'approving_officer', department: 'revenue', district: 'guntur', mandal: 'tenali' }, APP, true],
    ['approving officer, another mandal of the district', { role: 'approving_officer', department: 'revenue', district: 'guntur', mandal: 'mangalagiri' }, APP, false],
    ['approving officer, another district', { role: 'approving_officer', department: 'revenue', district: 'krishna' }, APP, false],
    ['approving officer, another department', { role: 'approving_officer', department: 'energy', district: 'guntur' }, APP, false],
    ['approving officer without a district', { role: 'approving_officer', department: 'revenue' }, APP, false],
    ['district-level approving officer, application without a mandal', { role: 'approving_officer', department: 'revenue', district: 'guntur' }, { ...APP, mandal: null }, true],
    ['mandal-level approving officer, application without a mandal', { role: 'approving_officer', department: 'revenue', district: 'guntur', mandal: 'tenali' }, { ...APP, mandal: null }, false],
    ['secretariat staff, own mandal', { role: 'secretariat_staff', department: 'revenue', district: 'guntur', mandal: 'tenali' }, APP, true],
    ['secretariat staff, another mandal', { role: 'secretariat_staff', department: 'revenue', district: 'guntur', mandal: 'mangalagiri' }, APP, false],
    ['secretariat staff, same mandal name in another district', { role: 'secretariat_staff', department: 'revenue', district: 'krishna', mandal: 'tenali' }, APP, false],
    ['secretariat staff without a mandal', { role: 'secretariat_staff', department: 'revenue', district: 'guntur' }, APP, false],
    ['secretariat staff, application without a mandal', { role: 'secretariat_staff', department: 'revenue', district: 'guntur', mandal: 'tenali' }, { ...APP, mandal: null }, false],
    ['secretariat staff, another department', { role: 'secretariat_staff', department: 'energy', district: 'guntur', mandal: 'tenali' }, APP, false],
    ['names compare without case, blanks or separators', { role: 'secretariat_staff', department: ' Revenue ', district: 'GUNTUR', mandal: 'Tenali' }, { department: 'revenue', district: 'guntur ', mandal: 'tenali' }, true],
    ['multi-word districts as typed or as ids', { role: 'approving_officer', department: 'revenue', district: 'East Godavari' }, { department: 'revenue', district: 'east-godavari', mandal: 'x' }, true],
    ['blank fields count as missing', { role: 'approving_officer', department: 'revenue', district: '  ' }, APP, false],
    ['Telugu names in different Unicode forms', { role: 'secretariat_staff', department: 'revenue', district: 'guntur', mandal: 'తెనాలి' }, { ...APP, mandal: 'తెనాలి'.normalize('NFD') }, true],
  ];
  for (const [name, officer, area, expected] of rows) it(name, () => assert.equal(canAct(officer, area), expected));
});

/** The rules, stated plainly and separately from the code under test. */
function rule(o: Officer, a: ApplicationArea): boolean {
  const same = (x: string | null | undefined, y: string | null | undefined) =>
    typeof x === 'string' && typeof y === 'string' && x.trim() !== '' && normalizeAreaName(x) === normalizeAreaName(y);
  const has = (x: string | null | undefined) => typeof x === 'string' && x.trim() !== '';
  if (o.role === 'state_administrator') return true;
  if (!same(o.department, a.department)) return false;
  if (o.role === 'department_administrator') return true;
  if (!same(o.district, a.district)) return false;
  if (o.role === 'approving_officer') return !has(o.mandal) || same(o.mandal, a.mandal);
  return has(o.mandal) && same(o.mandal, a.mandal);
}

test('every combination of role and area agrees with the rules, and with the SQL filter', () => {
  const departments = ['revenue', 'energy', null, undefined, ''];
  const districts = ['guntur', 'krishna', null, undefined, ' '];
  const mandals = ['tenali', 'mangalagiri', null, undefined, ''];
  const areas: ApplicationArea[] = [];
  for (const department of ['revenue', 'energy']) for (const district of ['guntur', 'krishna']) for (const mandal of ['tenali', 'mangalagiri', null, undefined]) areas.push({ department, district, mandal });
  let cases = 0;
  const grants: Record<OfficerRole, number> = { secretariat_staff: 0, approving_officer: 0, department_administrator: 0, state_administrator: 0 };
  for (const role of OFFICER_ROLES) {
    for (const department of departments) for (const district of districts) for (const mandal of mandals) {
      const officer: Officer = { role, department, district, mandal };
      const jurisdiction = jurisdictionOf(officer);
      for (const area of areas) {
        const expected = rule(officer, area);
        const where = `${JSON.stringify(officer)} on ${JSON.stringify(area)}`;
        assert.equal(canAct(officer, area), expected, where);
        assert.equal(withinJurisdiction(jurisdiction, area), expected, where);
        if (expected) grants[role]++;
        cases++;
      }
    }
  }
  assert.equal(cases, OFFICER_ROLES.length * 125 * 16);
  // Wider roles reach more: each role sees at least what the narrower one sees.
  assert.ok(grants.secretariat_staff < grants.approving_officer && grants.approving_officer < grants.department_administrator && grants.department_administrator < grants.state_administrator, JSON.stringify(grants));
});

test('jurisdictionOf says what an account can see, in normalised form, or why it sees nothing', () => {
  assert.deepEqual(jurisdictionOf({ role: 'state_administrator' }), { scope: 'all' });
  assert.deepEqual(jurisdictionOf({ role: 'department_administrator', department: 'Revenue', district: 'guntur' }), { scope: 'area', department: 'revenue', district: null, mandal: null });
  assert.deepEqual(jurisdictionOf({ role: 'approving_officer', department: 'revenue', district: 'East Godavari' }), { scope: 'area', department: 'revenue', district: 'east-godavari', mandal: null });
  assert.deepEqual(jurisdictionOf({ role: 'secretariat_staff', department: 'revenue', district: 'guntur', mandal: 'Tenali' }), { scope: 'area', department: 'revenue', district: 'guntur', mandal: 'tenali' });
  assert.deepEqual(jurisdictionOf({ role: 'secretariat_staff', department: 'revenue', district: 'guntur' }), { scope: 'none', reason: 'an account with role secretariat_staff needs a district and a mandal' });
  assert.deepEqual(jurisdictionOf({ role: 'approving_officer', district: 'guntur' }), { scope: 'none', reason: 'an account with role approving_officer needs a department' });
});
