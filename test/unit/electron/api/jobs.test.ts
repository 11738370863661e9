/**
 * Long work as a job: its progress only moves forward, its result is taken once it is done, a
 * cancelled job stays cancelled whatever its worker does later, and a failure is one sentence.
 */
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../../shared/api';
import { JobRunner } from '../../../../electron/api/jobs';

/** A worker the test finishes by hand. */
function manual<T>() {
  let finish!: (value: T) => void;
  let fail!: (err: unknown) => void;
  let report!: (fraction: number, message: string) => void;
  const work = (r: typeof report) => {
    report = r;
    return new Promise<T>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  };
  return {
    work,
    finish: (v: T) => finish(v),
    fail: (e: unknown) => fail(e),
    report: (f: number, m: string) => report(f, m),
  };
}

const settled = () => new Promise((r) => setTimeout(r, 0));

describe('a job', () => {
  it('reports progress forward only, then gives its result', async () => {
    const jobs = new JobRunner<string>();
    const w = manual<string>();
    const { jobId } = jobs.start(w.work, 'Đang đọc…');
    w.report(0.5, 'Trang 2/4');
    w.report(0.25, 'Trang 1/4');
    expect(jobs.status(jobId)).toMatchObject({
      state: 'running',
      fraction: 0.5,
      message: 'Trang 1/4',
    });
    expect(() => jobs.result(jobId)).toThrow('Tác vụ chưa xong.');
    w.finish('bốn biểu');
    await settled();
    expect(jobs.status(jobId)).toMatchObject({ state: 'done', fraction: 1 });
    expect(jobs.result(jobId)).toBe('bốn biểu');
  });

  it('stays cancelled, and a failure is one sentence', async () => {
    const jobs = new JobRunner<string>();
    const cancelled = manual<string>();
    const a = jobs.start(cancelled.work, '…').jobId;
    expect(jobs.cancel(a)).toMatchObject({ state: 'cancelled', error: 'Đã hủy.' });
    cancelled.finish('muộn');
    await settled();
    expect(jobs.status(a).state).toBe('cancelled');
    expect(() => jobs.result(a)).toThrow('Đã hủy.');

    const failing = manual<string>();
    const b = jobs.start(failing.work, '…').jobId;
    failing.fail(new UserError('Tệp «a.xlsx» bị hỏng.', 'bad-input'));
    await settled();
    expect(jobs.status(b)).toMatchObject({ state: 'failed', error: 'Tệp «a.xlsx» bị hỏng.' });
    expect(() => jobs.status('khong-co')).toThrow(
      'Không có tác vụ «khong-co» (có thể đã hết hạn).',
    );
  });
});
