// The official-SDK baseline of the README's end-to-end benchmark: Tencent's API 3.0 Node.js SDK
// (tencentcloud-sdk-nodejs-cdn) reads FILE, drops blank lines, # comments and duplicates, and sends
// PurgeUrlsCache requests of 1000 URLs to http://127.0.0.1:PORT/, one after another.
//   TENCENTCLOUD_SECRET_ID=… TENCENTCLOUD_SECRET_KEY=… node purge.js FILE PORT
const fs = require('fs');
const { Client } = require('tencentcloud-sdk-nodejs-cdn').cdn.v20180606;
const client = new Client({
  credential: { secretId: process.env.TENCENTCLOUD_SECRET_ID, secretKey: process.env.TENCENTCLOUD_SECRET_KEY },
  profile: { httpProfile: { protocol: 'http://', endpoint: `127.0.0.1:${process.argv[3]}` } },
});
const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n').map((l) => l.trim());
const urls = [...new Set(lines.filter((l) => l && !l.startsWith('#')))];
(async () => {
  for (let i = 0; i < urls.length; i += 1000) {
    await client.PurgeUrlsCache({ Urls: urls.slice(i, i + 1000) });
  }
  console.log(`${urls.length} URLs sent`);
})().catch((e) => { console.error(e.message); process.exit(1); });
