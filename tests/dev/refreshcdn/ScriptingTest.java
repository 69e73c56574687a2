package dev.refreshcdn;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import groovy.lang.Binding;
import groovy.lang.GroovyShell;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fluent API reads and runs as written from JShell and from Groovy, against a signature-checking server. */
class ScriptingTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().extensions(new SignatureCheck())).build();

  @Test
  void jshellSnippetSubmitsThroughTheFluentApi() {
    // given
    server.stubFor(post("/v2/index.php").willReturn(okJson(SubmitTest.SUCCESS)));
    String snippet = "import dev.refreshcdn.*;\n"
        + "Submission s = Refresh.urls(\"https://www.test.com/1.jpg\", \"https://www.test.com/2.jpg\")\n"
        + "    .credentials(\"" + SignatureCheck.SECRET_ID + "\", \"" + SignatureCheck.SECRET_KEY + "\")\n"
        + "    .endpoint(\"" + server.url("/v2/index.php") + "\")\n"
        + "    .batch()\n"
        + "    .submit();\n"
        + "s.tasks().get(0).taskId() + \" \" + s.tasks().get(0).count()\n";
    List<String> values = new ArrayList<>();
    // when
    try (JShell jshell = JShell.builder().executionEngine("local").build()) {
      // The library and its one dependency, wherever the test runner loaded them from.
      for (Class<?> type : List.of(Refresh.class, com.fasterxml.jackson.jr.ob.JSON.class,
          com.fasterxml.jackson.core.JsonFactory.class)) {
        jshell.addToClasspath(location(type));
      }
      String remaining = snippet;
      while (!remaining.isBlank()) {
        var info = jshell.sourceCodeAnalysis().analyzeCompletion(remaining);
        for (SnippetEvent event : jshell.eval(info.source())) {
          assertTrue(event.status() == Snippet.Status.VALID, "snippet failed: " + event.snippet().source()
              + " " + jshell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).toList() + " " + event.exception());
          values.add(event.value());
        }
        remaining = info.remaining();
      }
    }
    // then
    assertTrue(values.get(values.size() - 1).matches("\"\\d{19} 2\""), values.toString());
    server.verify(1, postRequestedFor(anyUrl()));
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
        + "    .method(HttpMethod.GET)\n"
        + "    .signatureMethod(SignatureMethod.HmacSHA256)\n"
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
