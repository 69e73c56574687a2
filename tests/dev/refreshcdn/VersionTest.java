package dev.refreshcdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The version the tool reports is the one Maven builds. */
class VersionTest {

  @Test
  void versionConstantMatchesThePom() throws IOException {
    String pom = Files.readString(Shared.basedir().resolve("pom.xml"));
    Matcher version = Pattern.compile("<artifactId>refresh-cdn</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
    assertTrue(version.find(), "pom.xml has no project version");
    assertEquals(version.group(1), Refresh.VERSION);
    assertTrue(Transport.USER_AGENT.startsWith("refresh-cdn/" + Refresh.VERSION + " "), Transport.USER_AGENT);
  }
}
