/**
 * The SLA job (issue #4): every `pollMs`, the back office records the SLA breaches that are due
 * and applies each workflow's escalation rule (escalate to the next level, lapse an unanswered
 * request, close a resolved grievance). It keeps no state of its own: what is due is in the
 * `applications` table (`sla_check_at`), so it survives restarts, and each due application is
 * claimed with SKIP LOCKED, so any number of worker processes run it once between them.
 */
import { createPollLoop, SILENT_LOG, type PollLoop, type WorkerLog } from './poll-loop.ts';

/** How often the job looks for due breaches by default. SLAs are counted in office hours and days. */
export const DEFAULT_SLA_POLL_MS = 60_000;

/** Options of {@link createSlaJob}. */
export interface SlaJobOptions {
  /** One round: handle what is due now; resolves with how many applications had a breach. */
  runOnce: () => Promise<number>;
  pollMs?: number;
  log?: WorkerLog;
}

/** The running job. */
export interface SlaJob extends PollLoop {
  runOnce(): Promise<number>;
}

/** Creates the job; `start()` runs it in the background. */
export function createSlaJob(options: SlaJobOptions): SlaJob {
  const loop = createPollLoop({ name: 'sla-job', runOnce: options.runOnce, pollMs: options.pollMs ?? DEFAULT_SLA_POLL_MS, log: options.log ?? SILENT_LOG });
  return { runOnce: options.runOnce, ...loop };
}
