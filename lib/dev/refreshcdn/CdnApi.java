package dev.refreshcdn;

import dev.refreshcdn.Api.SignatureMethod;
import dev.refreshcdn.Area.Quota;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One generation of Tencent Cloud's CDN API: all that differs between API 2.0 and 3.0, for every action
 * (purge URLs or directories, task status, quota). {@link CdnApis#of} is the only place that looks at
 * {@link Api}. An instance from {@code of} plans; one from {@link #signedBy} also signs, and is used by one thread at a
 * time (the legacy codec reuses its buffers and MAC).
 */
interface CdnApi {
  /** A copy that signs with {@code credentials}, for one thread. */
  CdnApi signedBy(Credentials credentials);

  // Planning: no credentials needed.

  /** The most items one request may carry: 1,000 URLs; directories 500 on API 3.0, 20 on the legacy API. */
  int maxBatchSize();

  /** Bytes of items one request may carry, with {@code tokenBytes} of session token besides. */
  int parameterBudget(int tokenBytes);

  /** Refuses options this generation cannot send, before anything is planned. */
  void checkOptions();

  /** How a refresh signs, for {@link Refresh#toString()}. */
  String signing();

  /** The action and signature, for {@link Plan#toString()}. */
  String describe();

  /**
   * The daily quota a submission may count on when nobody asked the service: -1 where the ledger alone
   * counts (the legacy API knows one quota per account), else {@code documented}.
   */
  int availableUnasked(int documented);

  /** The HMAC a resumed job signs with, of the one its journal records. */
  SignatureMethod resumedSignatureMethod(SignatureMethod journaled);

  /** The interval between questions (task status, quota): the documented rate of those actions. */
  Duration queryInterval();

  // Every action.

  /** Signs and encodes one purge carrying {@code items}; a fresh timestamp and nonce for every attempt. */
  EncodedRequest purge(List<String> items, long timestamp, int nonce);

  /** The task an answer reports; the refusal it states is thrown; a body not the documented JSON fails. */
  Task readPurge(String body, List<String> items) throws Unanswered, Refusal;

  /** What the service says about one task; {@link TaskStatus.State#UNKNOWN} when it has no record of it. */
  TaskStatus taskStatus(String taskId, Transport transport) throws Unanswered, Refusal;

  /** The tasks created between {@code since} and {@code until}, oldest first. */
  List<TaskStatus> taskStatus(Instant since, Instant until, Transport transport) throws Unanswered, Refusal;

  /** Where a submitted task stands, asked as cheaply as the API allows; it carries the task's URLs. */
  TaskStatus poll(Task task, Transport transport) throws Unanswered, Refusal;

  /** Today's quotas, URLs then directories. */
  List<Quota> quota(Transport transport) throws Unanswered, Refusal;

  /**
   * The service's own account of today's quota for a submission of {@code items}, in the area it is charged;
   * null when the service cannot or need not tell. A refusal thrown means no purge could pass either.
   */
  Quota chargedQuota(List<String> items, HttpClient client) throws Refusal;

  /** The action that asks this job's quota, for a refusal's message: {@code DescribePushQuota} for a prefetch. */
  String quotaAction();

  /** What a failure's message adds: a pointer to API 3.0 where the legacy API is retired, else nothing. */
  String hint(Refusal refusal);

  String hint(Unanswered failure);

  /** One purge request as a question for the transport. */
  default Transport.Question<Task> purgeOf(List<String> items) {
    return new Transport.Question<Task>() {
      @Override
      public EncodedRequest encode(long timestamp, int nonce) {
        return purge(items, timestamp, nonce);
      }

      @Override
      public Task read(String body) throws Unanswered, Refusal {
        return readPurge(body, items);
      }
    };
  }
}
