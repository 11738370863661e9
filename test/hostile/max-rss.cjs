// Preloaded into a child `node` (node -r …/max-rss.cjs …): when the process ends, writes its peak
// resident memory in bytes to the file named by BIEU_MAX_RSS_FILE, so a test can hold the CLI to
// a memory bound measured from the process itself, not from the test's own heap.
const fs = require('node:fs');
const out = process.env.BIEU_MAX_RSS_FILE;
if (out) {
  process.on('exit', () => {
    fs.writeFileSync(out, String(process.resourceUsage().maxRSS * 1024));
  });
}
