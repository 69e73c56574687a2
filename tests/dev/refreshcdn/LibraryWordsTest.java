package dev.refreshcdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The library's own texts count in words (1 task, 2 URLs) and name network failures as people do. */
class LibraryWordsTest {
  @Test
  void aSubmissionCountsItsTasksAndUrlsWithTheirPlural() {
    // given
    Submission one = new Submission(List.of(new Task("t1", 1, List.of("https://a.test/1"))), null, 0, null);
    // then
    assertTrue(one.toString().startsWith("Submission: 1 task, 1 URL "), one::toString);
  }

  @Test
  void aFailureWithoutMessageIsNamedInWordsNotByItsClass() {
    // given: what the JDK's client throws for a refused connection, and for an unknown host
    ConnectException refused = new ConnectException();
    refused.initCause(new ClosedChannelException());
    ConnectException unknown = new ConnectException();
    unknown.initCause(new UnresolvedAddressException());
    // then
    assertEquals("connection refused", NetworkText.unnamed(refused, refused.getCause()));
    assertEquals("host name not found", NetworkText.unnamed(unknown, unknown.getCause()));
    assertEquals("connection closed", NetworkText.unnamed(new java.io.IOException(), new ClosedChannelException()));
  }
}
