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
 * Emulator.Account account = secretId == null
 *         ? Emulator.Account.generate(domains.toArray(new String[0]))   // prints the pair in the banner
 *         : domains.stream().reduce(Emulator.Account.of(secretId, secretKey), Emulator.Account::domain, (a, b) -> a);
 * Emulator.builder().port(port).account(account).start().runUntilInterrupted(System.out);
 *       }</pre>
 *       which prints both endpoints, the {@code export TENCENTCLOUD_SECRET_ID=... TENCENTCLOUD_SECRET_KEY=...}
 *       line (with the key only when it was generated) and then one line per request (time, method, API,
 *       action, masked SecretId, verdict, URL count, task id), until Ctrl-C.</li>
 * </ul>
 *
 * <p>Deliberate choices where the reference leaves room: legacy errors use code 4000 with the module code in
 * {@code message} and {@code codeDesc} (9003 parameter error, 9110 unknown domain, 28008 domain offline,
 * 22043-22046 limits, 9150 bad date); authentication failures are 4100, a stale Timestamp or a replayed
 * Nonce 4500. Directory purges allow 20 per request and 100 per day on both APIs. Quotas are counted per
 * account, area and Beijing calendar day, and both API generations draw on the same quota. API 3.0 is served
 * as POST with a JSON body only; a faulted request is answered with the fault and not processed. A task
 * reports {@code process} (legacy {@code status} 0) until {@code taskCompletion} has passed on the clock,
 * then {@code done} (1), or {@code fail} (-1) for URLs matching {@code Builder.failingTasks}; DescribePurgeTasks
 * and GetCdnRefreshLog list the newest first.
 */
package dev.refreshcdn.emulator;
