/**
 * Jurisdiction: which applications an officer may see and act on, by their role and area.
 * - `state_administrator`: every application, of every department, everywhere.
 * - `department_administrator`: their department, statewide.
 * - `approving_officer` (a Tahsildar, an MPDO): their department in their district, and only in
 *   their mandal when their account names one.
 * - `secretariat_staff`: their department in their district and mandal.
 * An account missing what its role needs (staff without a mandal, an approving officer without
 * a district, anyone but the state administrator without a department) may act on nothing:
 * a half-made account must not see the whole state.
 *
 * `jurisdictionOf` gives the same rule as a filter the storage layer turns into SQL, so the
 * inbox query and `canAct` (checked on every API call) cannot disagree.
 */
import type { OfficerRole } from './actor-role.ts';
import { normalizeAreaName } from './normalize-area-name.ts';

/** An officer account, as far as jurisdiction goes. */
export interface Officer {
  role: OfficerRole;
  department?: string | null;
  district?: string | null;
  mandal?: string | null;
}

/** Where an application belongs: its service's department and the applicant's area. */
export interface ApplicationArea {
  department: string;
  district: string;
  /** Absent when the service asks only the district (decided at district level). */
  mandal?: string | null;
}

/**
 * The applications an officer may act on: all, none, or those matching every non-null field
 * (values in `normalizeAreaName` form; compare the application's normalised fields to them).
 */
export type Jurisdiction =
  | { scope: 'all' }
  | { scope: 'none'; reason: string }
  | { scope: 'area'; department: string; district: string | null; mandal: string | null };

const present = (value: string | null | undefined): string | null =>
  typeof value === 'string' && value.trim().length > 0 ? normalizeAreaName(value) : null;

/** The jurisdiction of `officer`. */
export function jurisdictionOf(officer: Officer): Jurisdiction {
  if (officer.role === 'state_administrator') return { scope: 'all' };
  const department = present(officer.department);
  if (department === null) return { scope: 'none', reason: `an account with role ${officer.role} needs a department` };
  const district = present(officer.district);
  const mandal = present(officer.mandal);
  switch (officer.role) {
    case 'department_administrator':
      return { scope: 'area', department, district: null, mandal: null };
    case 'approving_officer':
      if (district === null) return { scope: 'none', reason: 'an account with role approving_officer needs a district' };
      return { scope: 'area', department, district, mandal };
    case 'secretariat_staff':
      if (district === null || mandal === null) return { scope: 'none', reason: 'an account with role secretariat_staff needs a district and a mandal' };
      return { scope: 'area', department, district, mandal };
    default: {
      const unhandled: never = officer.role;
      return { scope: 'none', reason: `unknown role '${String(unhandled)}'` };
    }
  }
}

/** True when `area` lies within `jurisdiction`. */
export function withinJurisdiction(jurisdiction: Jurisdiction, area: ApplicationArea): boolean {
  if (jurisdiction.scope === 'all') return true;
  if (jurisdiction.scope === 'none') return false;
  if (present(area.department) !== jurisdiction.department) return false;
  if (jurisdiction.district !== null && present(area.district) !== jurisdiction.district) return false;
  if (jurisdiction.mandal !== null && present(area.mandal) !== jurisdiction.mandal) return false;
  return true;
}
