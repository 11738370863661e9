/**
 * Long work as jobs: started by one call, polled for its progress, cancellable, and its result
 * taken by a later call. Polling keeps both transports alike (IPC and HTTP have no push channel
 * in common) and keeps the progress bar honest: it shows what the worker last reported.
 */
import crypto from 'node:crypto';
import { UserError, type JobStatus } from '../../shared/api';

interface Job<T> {
  status: JobStatus;
  controller: AbortController;
  result?: T;
  finishedAt?: number;
}

/** Finished jobs are forgotten after this long, so an abandoned preview does not pin memory. */
const KEEP_FINISHED_MS = 30 * 60 * 1000;

export class JobRunner<T> {
  private readonly jobs = new Map<string, Job<T>>();

  start(
    work: (report: (fraction: number, message: string) => void, signal: AbortSignal) => Promise<T>,
    firstMessage: string,
  ): JobStatus {
    this.forgetOld();
    const jobId = crypto.randomUUID();
    const job: Job<T> = {
      controller: new AbortController(),
      status: { jobId, state: 'running', fraction: 0, message: firstMessage, error: null },
    };
    this.jobs.set(jobId, job);
    const report = (fraction: number, message: string) => {
      if (job.status.state !== 'running') return;
      job.status = {
        ...job.status,
        fraction: Math.max(job.status.fraction, Math.min(1, fraction)),
        message,
      };
    };
    work(report, job.controller.signal).then(
      (result) => {
        if (job.status.state !== 'running') return;
        job.result = result;
        job.finishedAt = Date.now();
        job.status = { ...job.status, state: 'done', fraction: 1 };
      },
      (err: unknown) => {
        job.finishedAt = Date.now();
        if (job.status.state === 'cancelled') return;
        const message =
          err instanceof UserError
            ? err.message
            : 'Lỗi nội bộ khi xử lý; tài liệu không bị thay đổi.';
        if (!(err instanceof UserError)) console.error('[bieu] lỗi trong tác vụ:', err);
        job.status = { ...job.status, state: 'failed', error: message };
      },
    );
    return job.status;
  }

  status(jobId: string): JobStatus {
    return this.get(jobId).status;
  }

  cancel(jobId: string): JobStatus {
    const job = this.get(jobId);
    if (job.status.state === 'running') {
      job.controller.abort();
      job.finishedAt = Date.now();
      job.status = { ...job.status, state: 'cancelled', error: 'Đã hủy.' };
    }
    return job.status;
  }

  /** The result of a finished job; a clear sentence while it runs or after it failed. */
  result(jobId: string): T {
    const job = this.get(jobId);
    if (job.status.state === 'running') throw new UserError('Tác vụ chưa xong.', 'bad-input');
    if (job.status.state !== 'done' || job.result === undefined) {
      throw new UserError(job.status.error ?? 'Tác vụ không có kết quả.', 'bad-input');
    }
    return job.result;
  }

  private get(jobId: string): Job<T> {
    const job = this.jobs.get(jobId);
    if (!job) throw new UserError(`Không có tác vụ «${jobId}» (có thể đã hết hạn).`, 'not-found');
    return job;
  }

  private forgetOld(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) {
      if (job.finishedAt && now - job.finishedAt > KEEP_FINISHED_MS) this.jobs.delete(id);
    }
  }
}
