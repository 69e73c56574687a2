// Reads a file of URLs, de-duplicates and signs them in requests of 1000 with Tencent's official
// API 2.0 Node.js SDK (qcloudapi-sdk), sending nothing: the comparison for refresh-cdn --dry-run.
const fs = require('fs');
const readline = require('readline');
const QcloudApi = require('qcloudapi-sdk');
const api = new QcloudApi({ serviceType: 'cdn', SecretId: 'AKIDbenchmarkEXAMPLE0001', SecretKey: 'benchmarkSecretKeyEXAMPLE' });
const seen = new Set();
const urls = [];
const rl = readline.createInterface({ input: fs.createReadStream(process.argv[2]), crlfDelay: Infinity });
rl.on('line', (line) => {
  const url = line.trim();
  if (url && !url.startsWith('#') && /^https?:\/\//.test(url) && !seen.has(url)) { seen.add(url); urls.push(url); }
});
rl.on('close', () => {
  let bytes = 0, requests = 0;
  for (let i = 0; i < urls.length; i += 1000) {
    const data = { Action: 'RefreshCdnUrl' };
    urls.slice(i, i + 1000).forEach((u, k) => { data['urls.' + k] = u; });
    bytes += api.generateQueryString(data).length;
    requests++;
  }
  console.log(`${urls.length} URLs, ${requests} requests, ${bytes} bytes`);
});
