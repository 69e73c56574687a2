package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.refreshcdn.emulator.Emulator;
import dev.refreshcdn.emulator.RecordedRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * refresh-cdn (in-process) with URLs of three hosts interleaved, one unknown to the account: one request per host, the
 * known hosts' URLs accepted, the unknown one named with its count, exit 3, its URLs pending in the job, and a resume
 * by id sending only them. On both API generations, against the emulator.
 */
class PerDomainCliTest {
  private static final String UNKNOWN = "unknown.example.com";
  @TempDir Path state;
  private final List<Emulator> emulators = new ArrayList<>();

  @AfterEach
  void stopEmulators() {
    emulators.forEach(Emulator::close);
  }

  private Emulator start(int port, String... domains) {
    Emulator emu = Emulator.builder().account(Cli.SECRET_ID, Cli.SECRET_KEY, domains).port(port).start();
    emulators.add(emu);
    return emu;
  }

  private InProcess refreshCdn(String api, Emulator emu, String... args) {
    List<String> all = new ArrayList<>(List.of("--api", api, "--endpoint",
        (api.equals("v3") ? emu.endpointV3() : emu.endpoint()).toString(), "--state-dir", state.toString()));
    all.addAll(List.of(args));
    return InProcess.refreshCdn(all.toArray(new String[0])).withCredentials();
  }

  /** a1 b1 c1 a2 b2 c2 a3 b3 c3, b the unknown host, one a line. */
  private static String interleaved() {
    StringBuilder urls = new StringBuilder();
    for (int i = 1; i <= 3; i++) {
      urls.append("https://www.test.com/a/").append(i).append(".js\n")
          .append("https://").append(UNKNOWN).append("/b/").append(i).append(".js\n")
          .append("https://img.test.com/c/").append(i).append(".png\n");
    }
    return urls.toString();
  }

  private static List<String> hostsOf(List<RecordedRequest> purges) {
    return purges.stream().map(r -> {
      String url = r.params().getOrDefault("urls.0", r.params().get("Urls.0"));
      return url.substring(url.indexOf("//") + 2, url.indexOf('/', url.indexOf("//") + 2));
    }).collect(Collectors.toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"v3", "v2"})
  void anUnknownDomainIsNamedWithItsCountTheOthersAreAcceptedAndAResumeByIdSendsOnlyIt(String api) throws Exception {
    // given
    Emulator emu = start(0, "www.test.com", "img.test.com");
    // when
    Cli.Result r = refreshCdn(api, emu).stdin(interleaved()).run();
    // then: one request per host, in order of first appearance; the two known hosts' accepted
    assertEquals(3, r.exit(), r::toString);
    List<RecordedRequest> purges = Accepted.purges(emu);
    assertEquals(List.of("www.test.com", UNKNOWN, "img.test.com"), hostsOf(purges), purges::toString);
    assertEquals(6, Accepted.acceptedUrls(emu));
    assertTrue(r.err().contains("refused the requests of 1 domain (the job went on with the other domains' "
        + "requests): " + UNKNOWN + " (3 URLs): code " + (api.equals("v3") ? "ResourceNotFound.CdnHostNotExists"
        : "4000, codeDesc 9110")), r::toString);
    assertTrue(r.err().contains("(this domain is not a CDN domain of this account, or not online; the other "
        + "domains' URLs were sent)"), r::toString);
    assertTrue(r.out().contains("2 tasks created"), r::toString);
    assertTrue(r.out().contains("3 URLs refused, 0 URLs not sent.\n"
        + "Refused domain (pending in the job):\n  " + UNKNOWN + ": 3 URLs, "
        + (api.equals("v3") ? "ResourceNotFound.CdnHostNotExists" : "code 4000 (9110)") + "\n"), r::toString);
    // and: the job is refused with the unknown host's URLs pending
    Map<String, Object> jobs = JSON.std.mapFrom(InProcess.refreshCdn("jobs", "--json", "--state-dir",
        state.toString()).run().out());
    Map<?, ?> job = (Map<?, ?>) ((List<?>) jobs.get("jobs")).get(0);
    assertEquals("refused", job.get("state"), jobs::toString);
    assertEquals(3, job.get("pending"), jobs::toString);
    assertEquals(6, job.get("accepted"), jobs::toString);
    // when: the account gets the domain (the emulator restarted on its port, knowing it) and the job is resumed by id
    int port = emu.port();
    emu.close();
    Emulator fixed = start(port, "www.test.com", "img.test.com", UNKNOWN);
    Cli.Result resumed = InProcess.refreshCdn("resume", (String) job.get("job_id"), "--state-dir", state.toString())
        .withCredentials().run();
    // then: only the unknown host's three URLs are sent, in one request
    assertEquals(0, resumed.exit(), resumed::toString);
    assertEquals(List.of(UNKNOWN), hostsOf(Accepted.purges(fixed)));
    assertEquals(3, Accepted.acceptedUrls(fixed));
  }

  @ParameterizedTest
  @ValueSource(strings = {"v3", "v2"})
  void theJsonOutcomeListsTheRefusedDomainsWithTheirCounts(String api) throws Exception {
    // given
    Emulator emu = start(0, "www.test.com", "img.test.com");
    // when
    Cli.Result r = refreshCdn(api, emu, "--json").stdin(interleaved()).run();
    // then
    assertEquals(3, r.exit(), r::toString);
    Map<String, Object> json = JSON.std.mapFrom(r.out());
    assertEquals("refused", json.get("status"));
    assertEquals(2, ((List<?>) json.get("tasks")).size());
    List<?> domains = (List<?>) json.get("refused_domains");
    assertEquals(1, domains.size(), r::toString);
    Map<?, ?> domain = (Map<?, ?>) domains.get(0);
    assertEquals(UNKNOWN, domain.get("domain"));
    assertEquals(3, domain.get("urls"));
    assertEquals(api.equals("v3") ? "ResourceNotFound.CdnHostNotExists" : 4000, domain.get("code"));
    assertEquals(api.equals("v3") ? "" : "9110", domain.get("codeDesc"));
    assertEquals(3, json.get("pending"));
  }
}
