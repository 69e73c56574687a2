package dev.refreshcdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An account asks every question over the one client it owns, on loopback against a plain HTTP server. */
class AccountTest {
  private static final String ID = "AKIDaccountTESTexample0001";
  private static final String KEY = "accountTestSecretKeyNeverShown";
  private final EchoServer server = EchoServer.start(request -> EchoServer.Reply.of(200,
      "{\"Response\":{\"PurgeLogs\":[{\"TaskId\":\"t1\",\"Url\":\"https://www.test.com/1.jpg\",\"Status\":\"done\","
          + "\"PurgeType\":\"url\",\"CreateTime\":\"2026-11-30 10:00:00\"}],\"TotalCount\":1,\"RequestId\":\"r\"}}"));

  @AfterEach
  void stop() {
    server.close();
  }

  private Account account() {
    return Account.of(Refresh.urls().api(Api.V3).endpoint(server.endpoint("/")).credentials(ID, KEY).retries(0));
  }

  @Test
  void questionsOfOneAccountShareOneConnectionWhileTwoAccountsUseTwo() {
    // given
    Account account = account();
    // when
    account.taskStatus("t1");
    account.taskStatus("t1");
    account().taskStatus("t1");
    // then: the first two came over one kept-alive connection of the account's client, the third over another
    List<EchoServer.Request> requests = server.requests();
    assertEquals(3, requests.size());
    assertEquals(requests.get(0).remotePort, requests.get(1).remotePort);
    assertNotEquals(requests.get(0).remotePort, requests.get(2).remotePort);
  }
}
