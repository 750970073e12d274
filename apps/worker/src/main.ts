import { runComponentProcess } from '@conveyor/platform';

/** A worker process: executes step jobs from the queue. Run as many as needed, on as many machines as needed. */
runComponentProcess('worker');
