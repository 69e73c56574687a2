// Item 5 of issue #15: how much heap submitting 10,000 URLs from JShell adds (target: at most 32 MB).
// Against a loopback server (an emulator in another process, so its own memory is not counted), no state dir:
//   ./jbang refresh-cdn emulator --port 18090 --daily-url-quota 100000000 --secret-id ID --secret-key KEY &
//   mvn -B -q -o compile; J=$HOME/.m2/repository/com/fasterxml/jackson
//   TENCENTCLOUD_SECRET_ID=ID TENCENTCLOUD_SECRET_KEY=KEY PORT=18090 jshell -R-Xmx256m --class-path target/classes:\
//     $J/jr/jackson-jr-objects/2.21.2/jackson-jr-objects-2.21.2.jar:$J/core/jackson-core/2.21.2/jackson-core-2.21.2.jar \
//     tests/bench/SubmitMemory.jsh
// Prints the heap used after a full GC before and after (the Submission held), the peak in between (the sum of the
// pools' peaks: an upper bound; run with -R-XX:+UseSerialGC for exact pools) and the bytes allocated meanwhile.
import dev.refreshcdn.*;
import java.lang.management.*;

long used() { System.gc(); System.gc(); MemoryUsage u = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage(); return u.getUsed(); }
long mb(long bytes) { return bytes / (1024 * 1024); }
/** Bytes allocated so far by the threads alive now (the HTTP client's own threads included). */
long allocated() { var t = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean(); return java.util.Arrays.stream(t.getThreadAllocatedBytes(t.getAllThreadIds())).filter(b -> b > 0).sum(); }
String endpoint = "http://127.0.0.1:" + System.getenv().getOrDefault("PORT", "18090") + "/";
// A first small submission loads and links the classes a session needs anyway: they are not the job's.
Refresh.urls("https://www.test.com/warm-up.js").endpoint(endpoint).batch().submit();
List<String> urls = new ArrayList<>();
for (int i = 0; i < 10_000; i++) urls.add("https://www.test.com/static/app-" + i + ".js?v=" + (i % 13));
/** Submits the 10,000 URLs with {@code refresh}'s settings and prints what it cost the heap. */
void measure(String label, Refresh refresh) {
  long before = used();
  ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  long allocatedBefore = allocated();
  Submission submission = refresh.batch().submit();
  long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
      .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  long allocatedDuring = allocated() - allocatedBefore;
  long after = used();
  System.out.println(label + ": " + submission.tasks().size() + " tasks; heap before " + mb(before) + " MB, held after "
      + mb(after) + " MB (+" + mb(after - before) + " MB), peak " + mb(peak) + " MB (+" + mb(peak - before) + " MB), "
      + mb(allocatedDuring) + " MB allocated in all");
}
measure("no state dir", Refresh.urls(urls).endpoint(endpoint));
measure("journaled", Refresh.urls(urls).endpoint(endpoint).stateDir(java.nio.file.Files.createTempDirectory("submit-memory")));
/exit
