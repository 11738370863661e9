/**
 * Following a job on the host (an import): poll `job.status` for the progress bar until it is no
 * longer running. Polling is how both transports report progress (shared/api.ts, `jobStatus`).
 */
import type { JobStatus } from '../../shared/api';
import { call } from '../api-client';

const POLL_MS = 120;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls a job until it ends, reporting each status; resolves with the last one, or null when
 * `stillWanted` says the caller lost interest (the dialog closed, the job was cancelled).
 */
export async function followJob(
  first: JobStatus,
  onStatus: (status: JobStatus) => void,
  stillWanted: () => boolean,
  /** The call that answers the job's status: its own for each kind of job (default: an import). */
  poll: (jobId: string) => Promise<JobStatus> = (jobId) => call('job.status', { jobId }),
): Promise<JobStatus | null> {
  let status = first;
  while (status.state === 'running') {
    await sleep(POLL_MS);
    if (!stillWanted()) return null;
    status = await poll(status.jobId);
    if (!stillWanted()) return null;
    onStatus(status);
  }
  return status;
}
