// Preloaded into a child `node` (node -r …/process-usage.cjs …): when the process ends, writes
// what it used — its peak resident memory in bytes and the CPU time of all its threads in
// milliseconds — as JSON to the file named by BIEU_USAGE_FILE, so a test holds the CLI to bounds
// measured on the process itself: not on the test's own heap, and not on a wall clock that the
// other programs sharing the machine slow down.
const fs = require('node:fs');
const out = process.env.BIEU_USAGE_FILE;
if (out) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    fs.writeFileSync(
      out,
      JSON.stringify({ maxRss: u.maxRSS * 1024, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }),
    );
  });
}
