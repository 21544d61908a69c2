// The working calendar: worked examples around Andhra Pradesh's 2026 holidays, then
// property-style tests over thousands of seeded random instants and amounts (the same seed
// gives the same cases on every run; a failure prints its case).
import { describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkingCalendar, WorkflowFault, AP_OFFICE_HOURS } from '../../src/workflow/index.ts';
import { calendar2026, ist } from './workflow-fixtures.ts';

const cal = calendar2026();
const HOUR = 3_600_000;
const OFFICE_DAY = 6.5 * HOUR;
const istDate = (d: Date) => new Date(d.getTime() + 330 * 60_000).toISOString().slice(0, 10);
const istTime = (d: Date) => new Date(d.getTime() + 330 * 60_000).toISOString().slice(11, 16);
const istWeekday = (d: Date) => new Date(d.getTime() + 330 * 60_000).getUTCDay();

describe('working days of an AP office in 2026', () => {
  it('closes on Sundays, second Saturdays and general holidays, and opens on other Saturdays', () => {
    const cases: [string, boolean][] = [
      ['2026-03-01', false], // Sunday
      ['2026-03-02', true], // Monday
      ['2026-03-03', false], // Holi
      ['2026-03-07', true], // first Saturday
      ['2026-03-14', false], // second Saturday
      ['2026-03-21', true], // third Saturday
      ['2026-02-14', false], // second Saturday on the 14th
      ['2026-01-14', false], ['2026-01-15', false], ['2026-01-16', false], // Bhogi, Sankranti, Kanuma
      ['2026-01-17', true], // third Saturday of January
      ['2026-12-25', false], // Christmas
    ];
    for (const [date, open] of cases) assert.equal(cal.isWorkingDay(date), open, date);
  });

  it('reads the second Saturday as the one from the 8th to the 14th', () => {
    // August 2026 starts on a Saturday: the 1st is the first Saturday, the 8th the second.
    assert.equal(cal.isWorkingDay('2026-08-01'), true);
    assert.equal(cal.isWorkingDay('2026-08-08'), false);
  });

  it('knows the years it was given holidays for', () => {
    assert.equal(cal.knowsYear(2026), true);
    assert.equal(cal.knowsYear(2027), false);
  });
});

describe('addWorkingDays', () => {
  it('ends at the close of the n-th working day after the day of receipt (Holi skipped)', () => {
    assert.equal(cal.addWorkingDays(ist('2026-03-02 11:00'), 3).toISOString(), ist('2026-03-06 17:00').toISOString());
  });
  it('does not count the day of receipt even when received before opening', () => {
    assert.equal(cal.addWorkingDays(ist('2026-03-02 08:00'), 1).toISOString(), ist('2026-03-04 17:00').toISOString());
  });
  it('skips the second Saturday and the Sunday after it', () => {
    assert.equal(cal.addWorkingDays(ist('2026-03-13 16:00'), 1).toISOString(), ist('2026-03-16 17:00').toISOString());
  });
  it('skips the three Sankranti days but not the third Saturday', () => {
    assert.equal(cal.addWorkingDays(ist('2026-01-13 10:00'), 1).toISOString(), ist('2026-01-17 17:00').toISOString());
  });
  it('counts from a closed day to the next open one', () => {
    assert.equal(cal.addWorkingDays(ist('2026-03-01 12:00'), 1).toISOString(), ist('2026-03-02 17:00').toISOString());
  });
  it('adds nothing for 0 days', () => {
    const at = ist('2026-03-01 12:34');
    assert.equal(cal.addWorkingDays(at, 0).getTime(), at.getTime());
  });
});

describe('addWorkingHours and workingTimeBetween', () => {
  it('counts only office hours, carrying over closed days', () => {
    // 16:00-17:00 on Monday, Tuesday is Holi, then 10:30-11:30 on Wednesday.
    assert.equal(cal.addWorkingHours(ist('2026-03-02 16:00'), 2).toISOString(), ist('2026-03-04 11:30').toISOString());
  });
  it('starts at opening time when given a time before it, or a closed day', () => {
    assert.equal(cal.addWorkingHours(ist('2026-03-02 09:00'), 1).toISOString(), ist('2026-03-02 11:30').toISOString());
    assert.equal(cal.addWorkingHours(ist('2026-03-01 10:00'), 1).toISOString(), ist('2026-03-02 11:30').toISOString());
    assert.equal(cal.addWorkingHours(ist('2026-03-02 18:00'), 1).toISOString(), ist('2026-03-04 11:30').toISOString());
  });
  it('ends at closing time when it uses up a day exactly', () => {
    assert.equal(cal.addWorkingTime(ist('2026-03-02 10:30'), OFFICE_DAY).toISOString(), ist('2026-03-02 17:00').toISOString());
  });
  it('measures office time between two instants', () => {
    assert.equal(cal.workingTimeBetween(ist('2026-03-02 10:00'), ist('2026-03-02 18:00')), OFFICE_DAY);
    assert.equal(cal.workingTimeBetween(ist('2026-03-02 16:00'), ist('2026-03-04 11:30')), 2 * HOUR);
    assert.equal(cal.workingTimeBetween(ist('2026-03-04 11:30'), ist('2026-03-02 16:00')), 0);
    assert.equal(cal.workingTimeBetween(ist('2026-03-13 17:00'), ist('2026-03-16 10:30')), 0);
  });
  it('gives deadlines for both kinds of SLA', () => {
    assert.equal(cal.deadline(ist('2026-03-02 11:00'), { workingDays: 3 }).toISOString(), ist('2026-03-06 17:00').toISOString());
    assert.equal(cal.deadline(ist('2026-03-02 11:00'), { workingHours: 7 }).toISOString(), ist('2026-03-04 11:30').toISOString());
  });
});

describe('configuration', () => {
  it('takes other office hours and weekly offs (the five-day Secretariat, for example)', () => {
    const secretariat = new WorkingCalendar({ officeHours: { open: '10:00', close: '17:30' }, secondSaturdayOff: false });
    assert.equal(secretariat.officeDayMs, 7.5 * HOUR);
    assert.equal(secretariat.isWorkingDay('2026-03-14'), true);
    assert.equal(secretariat.addWorkingHours(ist('2026-03-02 17:00'), 1).toISOString(), ist('2026-03-03 10:30').toISOString());
    assert.deepEqual(AP_OFFICE_HOURS, { open: '10:30', close: '17:00' });
  });

  it('throws WorkflowFault for programmer and configuration faults', () => {
    const fault = (code: string) => (err: unknown) => err instanceof WorkflowFault && err.code === code;
    assert.throws(() => new WorkingCalendar({ holidays: ['2026-02-30'] }), fault('calendar:bad-holiday'));
    assert.throws(() => new WorkingCalendar({ holidays: ['14/01/2026'] }), fault('calendar:bad-holiday'));
    assert.throws(() => new WorkingCalendar({ officeHours: { open: '17:00', close: '10:30' } }), fault('calendar:bad-office-hours'));
    assert.throws(() => new WorkingCalendar({ officeHours: { open: '9', close: '17:00' } }), fault('calendar:bad-office-hours'));
    assert.throws(() => cal.addWorkingDays(ist('2026-03-02 10:00'), -1), fault('calendar:bad-amount'));
    assert.throws(() => cal.addWorkingDays(ist('2026-03-02 10:00'), 1.5), fault('calendar:bad-amount'));
    assert.throws(() => cal.addWorkingTime(ist('2026-03-02 10:00'), Number.NaN), fault('calendar:bad-amount'));
    assert.throws(() => cal.addWorkingDays(new Date('nonsense'), 1), fault('time:invalid'));
    assert.throws(() => cal.workingTimeBetween(new Date(0), new Date(Number.NaN)), fault('time:invalid'));
    assert.throws(() => cal.isWorkingDay('yesterday'), fault('calendar:bad-date'));
    // Holiday data that closes the office for months is a data fault, not an endless loop.
    const closed = Array.from({ length: 100 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
    assert.throws(() => new WorkingCalendar({ holidays: closed }).addWorkingDays(ist('2026-01-01 10:00'), 1), fault('calendar:no-working-days'));
  });
});

// Property-style tests. mulberry32: a tiny seeded generator, so every run tests the same cases.
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const RUNS = 2000;
const rnd = random(20260130);
const FROM = Date.parse('2025-12-01T00:00:00Z');
const TO = Date.parse('2027-01-31T00:00:00Z');
const instants = Array.from({ length: RUNS }, () => new Date(FROM + Math.floor(rnd() * (TO - FROM))));
const days = Array.from({ length: RUNS }, () => Math.floor(rnd() * 40));
const spans = Array.from({ length: RUNS }, () => Math.floor(rnd() * 20 * OFFICE_DAY));
const spans2 = Array.from({ length: RUNS }, () => Math.floor(rnd() * 5 * OFFICE_DAY));

describe('properties of the calendar', () => {
  test('adding 0 working days or 0 working time is the identity', () => {
    for (const x of instants) {
      assert.equal(cal.addWorkingDays(x, 0).getTime(), x.getTime());
      assert.equal(cal.addWorkingTime(x, 0).getTime(), x.getTime());
    }
  });

  test('a deadline in working days is the close of a working day: never a Sunday, second Saturday or holiday', () => {
    instants.forEach((x, i) => {
      const n = days[i] + 1;
      const d = cal.addWorkingDays(x, n);
      assert.notEqual(istWeekday(d), 0, `${x.toISOString()} + ${n}`);
      assert.ok(cal.isWorkingDay(istDate(d)), `${x.toISOString()} + ${n} = ${d.toISOString()}`);
      assert.equal(istTime(d), AP_OFFICE_HOURS.close);
    });
  });

  test('n working days later, exactly n working days have passed after the day of receipt', () => {
    instants.forEach((x, i) => {
      const n = days[i];
      const end = istDate(cal.addWorkingDays(x, n));
      let counted = 0;
      for (let d = new Date(`${istDate(x)}T00:00:00Z`); ; ) {
        d = new Date(d.getTime() + 86_400_000);
        const iso = d.toISOString().slice(0, 10);
        if (iso > end) break;
        if (cal.isWorkingDay(iso)) counted++;
      }
      assert.equal(counted, n, `${x.toISOString()} + ${n}`);
    });
  });

  test('more working days end strictly later', () => {
    instants.forEach((x, i) => assert.ok(cal.addWorkingDays(x, days[i]) < cal.addWorkingDays(x, days[i] + 1), x.toISOString()));
  });

  test('adding working time a then b is adding a + b', () => {
    instants.forEach((x, i) => {
      const a = spans[i];
      const b = spans2[i];
      assert.equal(cal.addWorkingTime(cal.addWorkingTime(x, a), b).getTime(), cal.addWorkingTime(x, a + b).getTime(), `${x.toISOString()} ${a} ${b}`);
    });
  });

  test('the working time between x and x + m is m', () => {
    instants.forEach((x, i) => assert.equal(cal.workingTimeBetween(x, cal.addWorkingTime(x, spans[i])), spans[i], x.toISOString()));
  });

  test('x + m (m > 0) falls inside office hours on a working day, never on a Sunday', () => {
    instants.forEach((x, i) => {
      const t = cal.addWorkingTime(x, spans[i] + 1);
      const hhmm = istTime(t);
      assert.ok(cal.isWorkingDay(istDate(t)), t.toISOString());
      assert.notEqual(istWeekday(t), 0);
      assert.ok(hhmm >= AP_OFFICE_HOURS.open && hhmm <= AP_OFFICE_HOURS.close, `${t.toISOString()} is ${hhmm} IST`);
    });
  });

  test('working time between is additive over any point in between', () => {
    instants.forEach((a, i) => {
      const b = new Date(a.getTime() + spans[i] * 2);
      const c = new Date(b.getTime() + spans2[i] * 3);
      assert.equal(cal.workingTimeBetween(a, c), cal.workingTimeBetween(a, b) + cal.workingTimeBetween(b, c));
    });
  });

  test('n working days hold at least n office days of working time', () => {
    instants.forEach((x, i) => {
      const n = days[i];
      assert.ok(cal.workingTimeBetween(x, cal.addWorkingDays(x, n)) >= n * OFFICE_DAY, `${x.toISOString()} + ${n}`);
    });
  });
});
