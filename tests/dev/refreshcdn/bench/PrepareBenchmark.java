package dev.refreshcdn.bench;

import dev.refreshcdn.Api;
import dev.refreshcdn.Plan.DryRun;
import dev.refreshcdn.Plan;
import dev.refreshcdn.Refresh;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;

/**
 * Prepares, signs and encodes N URLs (default 1,000,000) into requests without sending them, through
 * the public API ({@code batch().dryRun()}), and prints the time, the heap's peak (G1 lets the young
 * generation fill what the heap allows, so this is near -Xmx) and the live heap after a collection
 * with the input and the plan still held. Run it as the README says, with {@code -Xmx256m}. Not a
 * test: a number to read, not a pass/fail.
 */
public final class PrepareBenchmark {
  private PrepareBenchmark() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<String> urls = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      // Mostly ASCII paths, one in ten with Chinese characters, and query strings that need encoding.
      urls.add(i % 10 == 0
          ? "https://www.test.com/static/图片/" + i + ".jpg?q=a+b"
          : "https://www.test.com/static/" + (i % 977) + "/app-" + i + ".js?v=" + (i % 13));
    }
    Refresh refresh = Refresh.urls(urls).api(Api.V2).credentials("AKIDbenchmarkEXAMPLE0001", "benchmarkSecretKeyEXAMPLE");
    // API 2.0, as the baseline (the official Node.js SDK of API 2.0) signs.
    long best = Long.MAX_VALUE;
    for (int round = 1; round <= rounds; round++) {
      resetPeaks();
      long start = System.nanoTime();
      Plan plan = refresh.batch();
      DryRun dryRun = plan.dryRun();
      long elapsed = System.nanoTime() - start;
      best = Math.min(best, elapsed);
      long peak = peakHeapMb();
      System.out.printf("round %d: %,d URLs -> %d signed requests, %,d bytes, %d ms, heap peak %d MB, live %d MB%n",
          round, dryRun.urlCount(), dryRun.requests().size(), dryRun.bytes(), elapsed / 1_000_000, peak,
          liveHeapMb(plan));
    }
    System.out.printf("best of %d: %d ms for %,d URLs (max heap %d MB)%n", rounds, best / 1_000_000, count,
        Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }

  /** Heap in use after a full collection while {@code plan} (and the input) are still reachable. */
  private static long liveHeapMb(Plan plan) {
    System.gc();
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    return plan.requestCount() > 0 ? used / (1024 * 1024) : 0;
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeapMb() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum / (1024 * 1024);
  }
}
