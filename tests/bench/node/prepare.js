// In-process: signs 1,000,000 URLs in requests of 1000 with qcloudapi-sdk (nothing sent); prints the time.
const QcloudApi = require('qcloudapi-sdk');
const api = new QcloudApi({ serviceType: 'cdn', SecretId: 'AKIDbenchmarkEXAMPLE0001', SecretKey: 'benchmarkSecretKeyEXAMPLE' });
const urls = [];
for (let i = 0; i < 1000000; i++) {
  urls.push(i % 10 === 0 ? `https://www.test.com/static/图片/${i}.jpg?q=a+b` : `https://www.test.com/static/${i % 977}/app-${i}.js?v=${i % 13}`);
}
for (let round = 1; round <= 3; round++) {
  const start = process.hrtime.bigint();
  const seen = new Set(); const unique = [];
  for (const u of urls) { if (!seen.has(u)) { seen.add(u); unique.push(u); } }
  let bytes = 0;
  for (let i = 0; i < unique.length; i += 1000) {
    const data = { Action: 'RefreshCdnUrl' };
    unique.slice(i, i + 1000).forEach((u, k) => { data['urls.' + k] = u; });
    bytes += api.generateQueryString(data).length;
  }
  console.log(`round ${round}: ${Number(process.hrtime.bigint() - start) / 1e6} ms, ${bytes} bytes`);
}
