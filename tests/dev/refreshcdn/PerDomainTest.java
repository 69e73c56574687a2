package dev.refreshcdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refreshcdn.JobStore.Job;
import dev.refreshcdn.RefreshException.RefusedDomain;
import dev.refreshcdn.emulator.Emulator;
import dev.refreshcdn.emulator.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Requests are planned per domain, and a refusal about one domain holds back that domain only: through the library,
 * against the emulator, on both API generations.
 */
class PerDomainTest {
  private static final String ID = "AKIDperDomainEXAMPLE0001";
  private static final String KEY = "perDomainSecretKeyNeverShown";
  @TempDir Path state;
  private final List<Emulator> emulators = new ArrayList<>();

  private Emulator start(String... domains) {
    Emulator emulator = Emulator.builder().account(ID, KEY, domains).start();
    emulators.add(emulator);
    return emulator;
  }

  @AfterEach
  void stop() {
    emulators.forEach(Emulator::close);
  }

  private static Refresh connected(Refresh refresh, Api api, Emulator emulator) {
    return refresh.api(api).credentials(ID, KEY)
        .endpoint(api == Api.V3 ? emulator.endpointV3() : emulator.endpoint());
  }

  /** Three hosts interleaved: a1 b1 c1 a2 b2 c2 …; host b is the one the account does not have. */
  private static List<String> interleaved(int each) {
    List<String> urls = new ArrayList<>();
    for (int i = 1; i <= each; i++) {
      urls.add("https://www.test.com/a/" + i + ".js");
      urls.add("https://unknown.example.com/b/" + i + ".js");
      urls.add("https://img.test.com/c/" + i + ".png");
    }
    return urls;
  }

  /** The URLs each purge request carried, accepted or refused, in order. */
  private static List<List<String>> sent(Emulator emulator) {
    return purges(emulator).stream().map(r -> {
      List<String> urls = new ArrayList<>();
      for (int i = 0; r.params().containsKey("urls." + i) || r.params().containsKey("Urls." + i); i++) {
        urls.add(r.params().getOrDefault("urls." + i, r.params().get("Urls." + i)));
      }
      return urls;
    }).collect(Collectors.toList());
  }

  private static List<RecordedRequest> purges(Emulator emulator) {
    return emulator.requests().stream().filter(r -> r.action().startsWith("RefreshCdn") || r.action().startsWith("Purge"))
        .collect(Collectors.toList());
  }

  private static List<String> of(List<String> urls, String host) {
    return urls.stream().filter(url -> url.contains("//" + host + "/")).collect(Collectors.toList());
  }

  @Test
  void interleavedHostsArePlannedOneRequestPerHostInOrderOfFirstAppearance() {
    // given: case and a port do not make another domain
    List<String> urls = List.of("https://a.test.com/1", "http://b.test.com/1", "https://A.Test.com:8443/2",
        "https://c.test.com/1", "http://b.test.com/2", "https://a.test.com/3");
    // when
    Plan plan = Refresh.urls(urls).api(Api.V2).batch();
    // then
    assertEquals(List.of(List.of("https://a.test.com/1", "https://A.Test.com:8443/2", "https://a.test.com/3"),
        List.of("http://b.test.com/1", "http://b.test.com/2"), List.of("https://c.test.com/1")),
        plan.requests().stream().map(Plan.Batch::urls).collect(Collectors.toList()));
    assertEquals(plan.urls(), plan.requests().stream().flatMap(b -> b.urls().stream()).collect(Collectors.toList()));
  }

  @Test
  void directoriesArePlannedPerHostToo() {
    // when
    Plan plan = Refresh.dirs("https://a.test.com/x/", "https://b.test.com/x/", "https://a.test.com/y/").api(Api.V3)
        .batch();
    // then
    assertEquals(List.of(List.of("https://a.test.com/x/", "https://a.test.com/y/"), List.of("https://b.test.com/x/")),
        plan.requests().stream().map(Plan.Batch::urls).collect(Collectors.toList()));
  }

  @Test
  void aHostLargerThanTheBatchTakesAsManyRequestsAsItNeedsAndNoMore() {
    // given: 25 URLs of a, 5 of b, interleaved; batches of 10
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      urls.add(i % 6 == 5 ? "https://b.test.com/" + i : "https://a.test.com/" + i);
    }
    // when
    Plan plan = Refresh.urls(urls).api(Api.V3).credentials(ID, KEY).batch(10);
    // then: a in 3 requests (10, 10, 5), b in 1
    assertEquals(List.of(10, 10, 5, 5), plan.requests().stream().map(b -> b.urls().size()).collect(Collectors.toList()));
    assertEquals(4, plan.dryRun().requests().size());
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void anUnknownDomainIsRefusedAloneTheOthersAreSentAndAResumeSendsOnlyItsUrls(Api api) {
    // given
    Emulator emulator = start("www.test.com", "img.test.com");
    List<String> urls = interleaved(3);
    // when
    RefusedException e = assertThrows(RefusedException.class,
        () -> connected(Refresh.urls(urls), api, emulator).stateDir(state).batch().submit());
    // then: one request per host; the known hosts' URLs accepted, the unknown one named with its count
    assertEquals(List.of(of(urls, "www.test.com"), of(urls, "unknown.example.com"), of(urls, "img.test.com")),
        sent(emulator));
    assertEquals(List.of(true, false, true),
        purges(emulator).stream().map(RecordedRequest::accepted).collect(Collectors.toList()));
    assertEquals(2, e.tasks().size());
    assertEquals(of(urls, "unknown.example.com"), e.failedUrls());
    assertTrue(e.unsentUrls().isEmpty());
    RefusedDomain refused = e.refusedDomains().get(0);
    assertEquals(1, e.refusedDomains().size());
    assertEquals("unknown.example.com", refused.name());
    assertEquals(3, refused.urlCount());
    assertEquals(api == Api.V3 ? "ResourceNotFound.CdnHostNotExists" : "9110",
        api == Api.V3 ? refused.code() : refused.codeDesc());
    assertTrue(e.getMessage().startsWith("the service refused the requests of 1 domain"), e.getMessage());
    assertTrue(e.getMessage().contains("unknown.example.com (3 URLs)"), e.getMessage());
    // and: the job is refused, the unknown domain's URLs pending
    Job job = JobStore.at(state).list().get(0);
    assertEquals(Job.State.REFUSED, job.state());
    assertEquals(3, job.pendingUrls());
    // when: the domain is added to the account (another emulator that knows it) and the job resumed by id
    Emulator fixed = start("unknown.example.com");
    Submission resumed = connected(JobStore.at(state).resume(job.id()), api, fixed).batch().submit();
    // then: only its URLs are sent, and the job is done
    assertEquals(List.of(of(urls, "unknown.example.com")), sent(fixed));
    assertEquals(3, resumed.urlCount());
    assertEquals(Job.State.DONE, JobStore.at(state).list().get(0).state());
  }

  @Test
  void aRefusedDomainsLaterRequestsAreHeldBackUnsentAndCountedWithIt() {
    // given: the unknown domain needs three requests of 2
    Emulator emulator = start("www.test.com", "img.test.com");
    List<String> urls = interleaved(5);
    // when
    RefusedException e = assertThrows(RefusedException.class,
        () -> connected(Refresh.urls(urls), Api.V3, emulator).batch(2).submit());
    // then: only its first request was sent; the others' requests all were
    assertEquals(List.of(false), purges(emulator).stream().filter(r -> !r.accepted()).map(RecordedRequest::accepted)
        .collect(Collectors.toList()));
    assertEquals(7, sent(emulator).size());
    assertEquals(6, e.tasks().size());
    assertEquals(5, e.refusedDomains().get(0).urlCount());
    assertEquals(of(urls, "unknown.example.com"), e.failedUrls());
  }

  @Test
  void aRefusalNotAboutADomainStillStopsTheJobAndNamesNoDomain() {
    // given: a signature failure is about the request, whatever its domain
    Emulator emulator = start("www.test.com", "img.test.com");
    // when
    RefusedException e = assertThrows(RefusedException.class, () -> Refresh.urls(interleaved(2)).api(Api.V3)
        .credentials(ID, "wrongKey").endpoint(emulator.endpointV3()).batch().submit());
    // then
    assertTrue(e.refusedDomains().isEmpty());
    assertTrue(e.code().startsWith("AuthFailure"), e.code());
    assertTrue(e.tasks().isEmpty());
  }

  @Test
  void whatIsAboutTheDomainIsOneListForBothApis() {
    // then
    for (String code : List.of("ResourceNotFound.CdnHostNotExists", "ResourceUnavailable.CdnHostIsNotOnline",
        "UnauthorizedOperation.CdnHostUnauthorized", "InvalidParameter.CdnHostInvalidStatus")) {
      assertTrue(ServiceCodes.aboutDomain(code, "", "The domain …"), code);
    }
    assertTrue(ServiceCodes.aboutDomain("4000", "9110", "(9110)没有这个域名的信息 cdn no such host"));
    assertTrue(ServiceCodes.aboutDomain("4000", "", "(28008)域名不在线"));
    assertTrue(ServiceCodes.aboutDomain("4000", "9307", ""));
    assertTrue(ServiceCodes.aboutDomain("4000", "ResourceNotFound.CdnHostNotExists", ""));
    assertEquals(false, ServiceCodes.aboutDomain("4000", "9003", "(9003)参数错误"));
    assertEquals(false, ServiceCodes.aboutDomain("AuthFailure.SignatureFailure", "", "(9110)"));
    assertEquals(false, ServiceCodes.aboutDomain("LimitExceeded.CdnPurgeUrlExceedDayLimit", "", ""));
  }

  @Test
  void aJobJournaledBeforePlanningPerDomainResumesRegroupedIntoItsOwnIndices() throws Exception {
    // given: an older job, its URLs interleaved in urls.txt; its first request (two hosts) was accepted
    Emulator emulator = start("www.test.com", "img.test.com");
    Path dir = Files.createDirectories(state.resolve("jobs").resolve("20261127-120000-0a0b"));
    List<String> urls = List.of("https://www.test.com/1", "https://img.test.com/1", "https://www.test.com/2",
        "https://img.test.com/2", "https://www.test.com/3", "https://img.test.com/3");
    Files.write(dir.resolve("urls.txt"), urls);
    Files.writeString(dir.resolve("job.json"), "{\"id\":\"20261127-120000-0a0b\",\"created\":\"2026-11-27T12:00:00Z\","
        + "\"version\":\"1\",\"api\":\"V2\",\"endpoint\":\"" + emulator.endpoint() + "\",\"directories\":false,"
        + "\"flushAll\":false,\"method\":\"POST\",\"signatureMethod\":\"HmacSHA1\",\"urlEncode\":false,\"batchSize\":2,"
        + "\"urls\":6,\"account\":\"x\",\"secretId\":\"AKID****0001\"}");
    Files.writeString(dir.resolve("journal.jsonl"), "{\"event\":\"created\",\"at\":\"2026-11-27T12:00:00Z\",\"urls\":6}\n"
        + "{\"event\":\"send\",\"at\":\"2026-11-27T12:00:01Z\",\"request\":1,\"ranges\":[[0,2]]}\n"
        + "{\"event\":\"accepted\",\"at\":\"2026-11-27T12:00:02Z\",\"ranges\":[[0,2]],\"task\":\"1\",\"count\":2}\n"
        + "{\"event\":\"stop\",\"at\":\"2026-11-27T12:00:03Z\",\"why\":\"no-answer\",\"message\":\"lost\"}\n");
    // when
    Submission s = JobStore.at(state).resume("20261127-120000-0a0b").credentials(ID, KEY).batch().submit();
    // then: one request per host, and the journal's ranges name the right lines of urls.txt
    assertEquals(List.of(List.of("https://www.test.com/2", "https://www.test.com/3"),
        List.of("https://img.test.com/2", "https://img.test.com/3")),
        sent(emulator));
    assertEquals(4, s.urlCount());
    String journal = Files.readString(dir.resolve("journal.jsonl"));
    assertTrue(journal.contains("\"ranges\":[[2,3],[4,5]]") && journal.contains("\"ranges\":[[3,4],[5,6]]"), journal);
    assertEquals(Job.State.DONE, JobStore.at(state).list().get(0).state());
  }
}
