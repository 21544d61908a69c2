/**
 * The jurisdiction check every officer API call makes before reading or acting on an
 * application (issue #4: "enforced on every API call, not only hidden in the UI"). Whether the
 * officer's ROLE may take a given action in the application's state is `applyAction`'s check;
 * this one is about the officer's AREA and department. See `jurisdiction.ts` for the rules.
 */
import { jurisdictionOf, withinJurisdiction, type ApplicationArea, type Officer } from './jurisdiction.ts';

/** True when `officer` may see and act on an application of `application`'s department and area. */
export function canAct(officer: Officer, application: ApplicationArea): boolean {
  return withinJurisdiction(jurisdictionOf(officer), application);
}
