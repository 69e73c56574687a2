package dev.refreshcdn;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import groovy.lang.Binding;
import groovy.lang.GroovyShell;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import dev.refreshcdn.emulator.Emulator;
import dev.refreshcdn.emulator.RecordedRequest;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fluent API reads and runs as written from JShell (API 3.0, the default) and from Groovy (the legacy API 2.0). */
class ScriptingTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().extensions(new SignatureCheck())).build();

  @Test
  void jshellSnippetSubmitsThroughTheFluentApi() {
    // given: API 3.0, the default: no api(...) in the snippet; the emulator checks its TC3 signature.
    try (Emulator emulator = Emulator.builder().account("AKIDjshellEXAMPLE", "jshellSecretKey", "www.test.com").start()) {
      String snippet = "import dev.refreshcdn.*;\n"
          + "Submission s = Refresh.urls(\"https://www.test.com/1.jpg\", \"https://www.test.com/2.jpg\")\n"
          + "    .credentials(\"AKIDjshellEXAMPLE\", \"jshellSecretKey\")\n"
          + "    .endpoint(\"" + emulator.endpointV3() + "\")\n"
          + "    .batch()\n"
          + "    .submit();\n"
          + "s.tasks().get(0).taskId() + \" \" + s.tasks().get(0).count()\n";
      List<String> values = evaluate(snippet);
      // then
      assertTrue(values.get(values.size() - 1).matches("\"\\S+ 2\""), values.toString());
      assertEquals(List.of("DescribePurgeQuota", "PurgeUrlsCache"),
          emulator.requests().stream().map(RecordedRequest::action).collect(Collectors.toList()));
      assertTrue(emulator.requests().get(1).accepted());
    }
  }

  private static List<String> evaluate(String snippet) {
    List<String> values = new ArrayList<>();
    // JShell's own engine, a JVM of its own, as the jshell tool runs snippets: the in-process "local" engine joins the
    // threads a snippet starts (the HTTP client's) before it returns, which can hold a run until they end.
    try (JShell jshell = JShell.builder().build()) {
      // The library and its one dependency, wherever the test runner loaded them from.
      for (Class<?> type : List.of(Refresh.class, com.fasterxml.jackson.jr.ob.JSON.class,
          com.fasterxml.jackson.core.JsonFactory.class)) {
        jshell.addToClasspath(location(type));
      }
      String remaining = snippet;
      while (!remaining.isBlank()) {
        var info = jshell.sourceCodeAnalysis().analyzeCompletion(remaining);
        for (SnippetEvent event : jshell.eval(info.source())) {
          assertTrue(event.status() == Snippet.Status.VALID && event.exception() == null, "snippet failed: " + event.snippet().source()
              + " " + jshell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).toList() + " " + event.exception());
          values.add(event.value());
        }
        remaining = info.remaining();
      }
    }
    return values;
  }

  private static String location(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void groovyScriptSubmitsThroughTheFluentApi() {
    // given
    server.stubFor(get(urlPathEqualTo("/v2/index.php")).willReturn(okJson(SubmitTest.SUCCESS)));
    Binding binding = new Binding();
    binding.setVariable("endpoint", server.url("/v2/index.php"));
    binding.setVariable("secretId", SignatureCheck.SECRET_ID);
    binding.setVariable("secretKey", SignatureCheck.SECRET_KEY);
    String script = "import dev.refreshcdn.*\n"
        + "def urls = (1..2500).collect { \"https://www.test.com/img/${it}.jpg\" }\n"
        + "def s = Refresh.urls(urls)\n"
        + "    .credentials(secretId, secretKey)\n"
        + "    .endpoint(endpoint)\n"
        + "    .api(Api.V2)\n"
        + "    .method(Api.HttpMethod.GET)\n"
        + "    .signatureMethod(Api.SignatureMethod.HmacSHA256)\n"
        + "    .batch(500)\n"
        + "    .submit()\n"
        + "s.tasks().collect { it.taskId() + ' ' + it.count() }\n";
    // when
    Object result = new GroovyShell(binding).evaluate(script);
    // then
    List<?> lines = (List<?>) result;
    assertEquals(5, lines.size());
    assertTrue(lines.stream().allMatch(line -> line.toString().matches("\\d{19} 500")), lines.toString());
  }
}
