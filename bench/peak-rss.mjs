// Preloaded into a measured build (`node --import ./bench/peak-rss.mjs ...`):
// writes the process's peak resident set size, in kilobytes, to the file
// named by NEWS_ARCHIVE_BENCH_RSS_FILE when the process exits.
import {writeFileSync} from 'node:fs'

const file = process.env.NEWS_ARCHIVE_BENCH_RSS_FILE
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)))
