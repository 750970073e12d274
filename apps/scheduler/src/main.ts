import { runComponentProcess } from '@conveyor/platform';

/**
 * A scheduler process: fires cron triggers, wakes timers, times out steps and runs, re-sends undelivered
 * jobs. Safe to run more than once (every duty claims its rows).
 */
runComponentProcess('scheduler');
