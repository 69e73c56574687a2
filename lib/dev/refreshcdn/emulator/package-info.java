/**
 * A local emulator of Tencent Cloud CDN's refresh APIs, the LocalStack of CDN refresh; see {@link
 * dev.refreshcdn.emulator.Emulator}.
 *
 * <p>Three ways to start it:
 * <ul>
 *   <li>Java: {@code Emulator.builder().account(id, key, "www.test.com").start()}, or {@code Emulator.start()}
 *       for a generated account owning {@code www.test.com}.</li>
 *   <li>JShell: {@code /env --class-path <refresh-cdn classes>:<jackson-jr jars>}, then the same Java lines.</li>
 *   <li>Command line ({@code refresh-cdn emulator --port P --secret-id ID --secret-key KEY --domain D ...}): the
 *       script parses its options and runs
 *       <pre>{@code
 * Tenant account = secretId == null
 *         ? Tenant.generate(domains.toArray(new String[0]))   // prints the pair in the banner
 *         : domains.stream().reduce(Tenant.of(secretId, secretKey), Tenant::domain, (a, b) -> a);
 * Emulator.builder().port(port).account(account).start().runUntilInterrupted(System.out);
 *       }</pre>
 *       which prints both endpoints, the {@code export TENCENTCLOUD_SECRET_ID=... TENCENTCLOUD_SECRET_KEY=...}
 *       line (with the key only when it was generated) and then one line per request (time, method, API,
 *       action, masked SecretId, verdict, URL count, task id), until Ctrl-C.</li>
 * </ul>
 *
 * <p>API 3.0 answers the prefetch actions (below), PurgeUrlsCache, PurgePathCache, DescribePurgeTasks,
 * DescribePurgeQuota and DescribeDomains (the account's own domains as BriefDomain rows: {@code Area} mainland, overseas or global and {@code Status}
 * online, processing or offline from the domain's settings; {@code Filters} by the documented names, up to 5
 * values each or 1 with {@code Fuzzy}, which only {@code domain} and {@code origin} take; {@code Limit} 1 to
 * 1000, default 100; anything else {@code InvalidParameter.CdnParamError}). It is served in every form
 * Tencent's official SDKs send: TC3-HMAC-SHA256 by POST (JSON body) or by GET (parameters in the query, arrays
 * as {@code Urls.0=...}, arrays of objects as {@code Filters.0.Value.0=...}), and signature v1 (HmacSHA1,
 * HmacSHA256; its common parameters {@code Action}, {@code Version}, {@code SecretId}, {@code Timestamp}, {@code Nonce},
 * {@code Signature}, optional {@code SignatureMethod}, {@code Region}, {@code Token}, {@code Language},
 * {@code RequestClient}) by GET or by POST with a form body. A parameter the action does not define (the
 * fields of the Java SDK 3.1.1114 request models) gets {@code UnknownParameter}, a value of the wrong type
 * {@code InvalidParameter}, before anything is charged; answers carry exactly the SDK models' fields, a field
 * with no value as {@code null}.
 *
 * <p>Deliberate choices where the reference leaves room: legacy errors use code 4000 with the module code in
 * {@code message} and {@code codeDesc} (9003 parameter error, 9110 unknown domain, 28008 domain offline,
 * 22043-22046 limits, 9150 bad date); authentication failures are 4100, a stale Timestamp or a replayed
 * Nonce 4500 (API 3.0: a Timestamp more than 5 minutes off is {@code AuthFailure.SignatureExpire} with either
 * signature; a repeated Nonce is not refused, as API 3.0 documents no error for it). Quotas are counted per
 * account, area (mainland, overseas) and Beijing calendar day, and both API generations draw on the same
 * quota: by default 10,000 URLs and 100 directories a day per area, set per area with
 * {@code Builder.urlQuota}/{@code dirQuota}. A purge is charged to the area its request names, else to the
 * area of each domain; a global domain purged without an area is charged to both, and is refused if either
 * lacks room. API 3.0 enforces the per-request limits DescribePurgeQuota reports (default 1,000 URLs and 20
 * directories; for a purge charged to both areas the smaller); API 2.0 keeps its documented 1,000 and 20.
 * A faulted request is answered with the fault and not processed. A task reports {@code process} (legacy
 * {@code status} 0) until {@code taskCompletion} has passed on the clock, then {@code done} (1), or {@code fail}
 * (-1) for URLs matching {@code Builder.failingTasks}; DescribePurgeTasks and GetCdnRefreshLog list the newest
 * first.
 *
 * <p>Prefetch ({@link Api3Push}): PushUrlsCache, DescribePushTasks and DescribePushQuota, with a quota of its own
 * per area (default 1,000 URLs a day, 500 a request; {@code Builder.prefetchQuota}/{@code dailyPrefetchQuota}), a
 * request's {@code Area} (mainland by default, overseas, global: charged to both) checked against the domain's,
 * and rows whose {@code Percent} rises with the clock until {@code taskCompletion}. DescribePurgeTasks never lists
 * a prefetch, nor DescribePushTasks a purge.
 */
package dev.refreshcdn.emulator;
