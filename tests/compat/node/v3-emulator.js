// Tencent's official API 3.0 Node.js SDK against `refresh-cdn emulator`: every action the tool uses gets
// the documented answer, and a wrong key is refused. Run (see the README):
//   refresh-cdn emulator --port 8080 --secret-id AKIDnodeCHECK0001 --secret-key nodeCheckKey --domain www.test.com
//   node v3-emulator.js http://127.0.0.1:8080 AKIDnodeCHECK0001 nodeCheckKey
'use strict';
const assert = require('assert');
const cdn = require('tencentcloud-sdk-nodejs-cdn').cdn.v20180606;

const [endpoint, secretId, secretKey] = process.argv.slice(2);
if (!secretKey) {
  console.error('usage: node v3-emulator.js http://127.0.0.1:PORT SECRET_ID SECRET_KEY');
  process.exit(2);
}
const url = new URL(endpoint);
const client = (key) => new cdn.Client({
  credential: { secretId, secretKey: key },
  region: '',
  profile: { httpProfile: { protocol: url.protocol + '//', endpoint: url.host } },
});

(async () => {
  const ok = client(secretKey);
  const urls = await ok.PurgeUrlsCache({ Urls: ['https://www.test.com/a.js', 'https://www.test.com/b.css'] });
  assert.ok(urls.TaskId && urls.RequestId, 'PurgeUrlsCache gives a TaskId');
  console.log('PurgeUrlsCache     TaskId ' + urls.TaskId);
  const paths = await ok.PurgePathCache({ Paths: ['https://www.test.com/img/'], FlushType: 'flush' });
  assert.ok(paths.TaskId, 'PurgePathCache gives a TaskId');
  console.log('PurgePathCache     TaskId ' + paths.TaskId);
  const tasks = await ok.DescribePurgeTasks({ TaskId: urls.TaskId });
  assert.strictEqual(tasks.TotalCount, 2, 'one row per URL of the task');
  assert.ok(tasks.PurgeLogs.every((t) => t.TaskId === urls.TaskId && ['process', 'done'].includes(t.Status)));
  console.log('DescribePurgeTasks ' + tasks.PurgeLogs.map((t) => t.Url + ' ' + t.Status).join(', '));
  const quota = await ok.DescribePurgeQuota({});
  const mainland = quota.UrlPurge.find((q) => q.Area === 'mainland');
  assert.strictEqual(mainland.Available, mainland.Total - 2, 'Available counts the 2 URLs');
  console.log('DescribePurgeQuota UrlPurge ' + quota.UrlPurge.map((q) => q.Area + ' ' + q.Available + '/' + q.Total
      + ' batch ' + q.Batch).join(', '));
  try {
    await client('not-the-key').PurgeUrlsCache({ Urls: ['https://www.test.com/a.js'] });
    assert.fail('a wrong key must be refused');
  } catch (e) {
    assert.strictEqual(e.code, 'AuthFailure.SignatureFailure', String(e));
    console.log('wrong key          ' + e.code + ' (RequestId ' + e.requestId + ')');
  }
  console.log('ok: the official Node.js SDK gets the documented answers');
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
