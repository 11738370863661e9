// The Debian packages the test suites need, installed when they are missing and this machine
// can (root + apt-get); otherwise a clear message and a failure — never a silent skip.
import { execFileSync, spawnSync } from 'node:child_process';

const NEEDS = [
  {
    bin: 'chromium',
    pkg: 'chromium',
    why: 'các bài kiểm thử e2e chạy giao diện thật trong Chromium',
  },
  { bin: 'xvfb-run', pkg: 'xvfb', why: 'các bài kiểm thử Electron cần một màn hình ảo' },
  {
    bin: 'soffice',
    pkg: 'libreoffice-calc',
    why: 'tệp Excel xuất ra được mở và tính lại trong LibreOffice',
  },
  {
    bin: 'LibreOffice Writer',
    probe: 'test -e /usr/lib/libreoffice/program/libswlo.so',
    pkg: 'libreoffice-writer',
    why: 'báo cáo Word (.docx) dùng trong bài kiểm thử được LibreOffice Writer tạo ra',
  },
  {
    bin: 'pdftoppm',
    pkg: 'poppler-utils',
    why: 'bản in của phụ lục được chuyển từ PDF sang ảnh PNG',
  },
  {
    bin: 'Liberation Serif',
    probe: 'fc-list | grep -qi "Liberation Serif"',
    pkg: 'fonts-liberation',
    why: 'phông thay cho Times New Roman khi in phụ lục (cùng kích thước chữ)',
  },
];

function present(need) {
  const probe = need.probe ?? `command -v ${need.bin}`;
  return spawnSync('sh', ['-c', probe], { stdio: 'ignore' }).status === 0;
}

function has(bin) {
  return present({ bin });
}

export function ensureSystemDeps(needs = NEEDS) {
  const missing = needs.filter((n) => !present(n));
  if (missing.length === 0) return;
  const pkgs = missing.map((m) => m.pkg);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && has('apt-get')) {
    console.log(`Cài gói Debian còn thiếu: ${pkgs.join(', ')}…`);
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
      execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch {
      /* reported below */
    }
  }
  const still = needs.filter((n) => !present(n));
  if (still.length) {
    const lines = still.map((n) => `  - ${n.bin} (gói Debian «${n.pkg}»): ${n.why}`);
    throw new Error(
      `Thiếu chương trình cần cho kiểm thử và không tự cài được:\n${lines.join('\n')}\n` +
        `Hãy cài bằng: sudo apt-get install ${still.map((n) => n.pkg).join(' ')}`,
    );
  }
}
