package dev.refreshcdn;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Not a test: times writing 1,000 bodies of 1,000 URLs (the million-URL dry run's) with Jackson jr and with
 * {@link JsonBody}, alternately, under the script's C1-only JIT and heap shape. After {@code mvn -B -q -o test-compile}:
 * <pre>
 * J=$HOME/.m2/repository/com/fasterxml/jackson
 * java -XX:TieredStopAtLevel=1 -Xmx256m -XX:NewRatio=15 -cp target/classes:target/test-classes:$J/jr/jackson-jr-objects/2.21.2/jackson-jr-objects-2.21.2.jar:$J/core/jackson-core/2.21.2/jackson-core-2.21.2.jar dev.refreshcdn.JsonBodyBench 9
 * </pre>
 */
final class JsonBodyBench {
  private JsonBodyBench() {}

  public static void main(String[] args) throws IOException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
    String[] all = new String[1_000_000];
    for (int i = 0; i < all.length; i++) { // the README's million-URL file, line i
      all[i] = "https://" + new String[] {"www", "img", "static"}[i % 3] + ".test.com/static/" + i % 977 + "/app-" + i
          + ".js?v=" + i % 13 + "&lang=zh-CN";
    }
    // Batches as Batches hands them out: sublists of an unmodifiable list over an array.
    List<String> planned = Collections.unmodifiableList(Arrays.asList(all));
    List<Map<String, Object>> payloads = new ArrayList<>();
    for (int body = 0; body < 1000; body++) {
      Map<String, Object> payload = new LinkedHashMap<>();
      payload.put("Urls", planned.subList(body * 1000, body * 1000 + 1000));
      payloads.add(payload);
    }
    long[] jackson = new long[rounds];
    long[] ours = new long[rounds];
    long bytes = 0;
    // The thread's CPU time, not wall time: the machine is shared, and a busy neighbour would count against both.
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int round = 0; round < rounds; round++) {
      long start = threads.getCurrentThreadCpuTime();
      for (Map<String, Object> payload : payloads) {
        bytes += JSON.std.asBytes(payload).length;
      }
      jackson[round] = threads.getCurrentThreadCpuTime() - start;
      start = threads.getCurrentThreadCpuTime();
      for (Map<String, Object> payload : payloads) {
        bytes -= JsonBody.of(payload).size();
      }
      ours[round] = threads.getCurrentThreadCpuTime() - start;
    }
    if (bytes != 0) {
      throw new AssertionError("the two wrote bodies of different sizes");
    }
    System.out.println("1,000 bodies of 1,000 URLs, ms of the thread's CPU per round, first round included (JIT warm-up):");
    System.out.println("jackson  " + report(jackson));
    System.out.println("JsonBody " + report(ours));
  }

  private static String report(long[] nanos) {
    long[] ms = Arrays.stream(nanos).map(n -> n / 1_000_000).toArray();
    long[] sorted = ms.clone();
    Arrays.sort(sorted);
    return "median " + sorted[sorted.length / 2] + " (" + sorted[0] + "-" + sorted[sorted.length - 1] + ") " + Arrays.toString(ms);
  }
}
