package dev.refreshcdn.cli;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SIGINT (Ctrl-C) and SIGTERM while a job is sent. The JVM's own handling ends the process at once, saying nothing;
 * while this is installed, the first of them interrupts the sending thread instead: the request in flight is
 * abandoned (journaled as possibly reached, so a resume sends it again), no other starts, and the usual summary and
 * resume command are printed before the exit (128 + the signal's number: 130, 143). The first signal puts the JVM's
 * handling back, so a second one ends the process at once, as before (every journal line is still whole or cut off
 * on the next resume).
 *
 * <p>Java has no public API for this: {@code sun.misc.Signal} (module jdk.unsupported) is used by reflection, and
 * where it is missing, or refuses (a JVM started with {@code -Xrs}), the JVM's handling simply stays.
 */
final class Interruption implements AutoCloseable {
  private static final Map<String, Integer> NUMBERS = Map.of("INT", 2, "TERM", 15);

  private final Thread target;
  /** The handlers this replaced, by signal name, to put back; emptied once they are. */
  private final Map<String, Object> replaced = new LinkedHashMap<>();
  private volatile String received;

  private Interruption(Thread target) {
    this.target = target;
  }

  /** Until {@link #close()}, SIGINT and SIGTERM interrupt {@code target} instead of ending the process. */
  static Interruption watch(Thread target) {
    Interruption interruption = new Interruption(target);
    try {
      Class<?> signalType = Class.forName("sun.misc.Signal");
      Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
      Method handle = signalType.getMethod("handle", signalType, handlerType);
      for (String name : NUMBERS.keySet()) {
        Object handler = Proxy.newProxyInstance(Interruption.class.getClassLoader(), new Class<?>[] {handlerType},
            (proxy, method, args) -> method.getName().equals("handle") ? interruption.signalled(name)
                : method.getName().equals("hashCode") ? System.identityHashCode(proxy)
                : method.getName().equals("equals") ? proxy == args[0] : "refresh-cdn SIG" + name + " handler");
        Object signal = signalType.getConstructor(String.class).newInstance(name);
        synchronized (interruption) {
          interruption.replaced.put(name, handle.invoke(null, signal, handler));
        }
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      interruption.restore(); // the JVM's own handling, for both or neither
    }
    return interruption;
  }

  /** Nothing watched: the signals stay the embedding program's, and none is ever {@linkplain #received() received}. */
  static Interruption none() {
    return new Interruption(null);
  }

  /** Whether a signal came. */
  public boolean received() {
    return received != null;
  }

  /** The signal that came, e.g. {@code SIGINT}; null when none did. */
  public String signal() {
    return received == null ? null : "SIG" + received;
  }

  /** The exit code the shell expects after the signal that came: 128 plus its number (130, 143). */
  public int exitCode() {
    return received == null ? 0 : 128 + NUMBERS.get(received);
  }

  /** Puts the JVM's handling back; a signal that came is still {@linkplain #received() received}. */
  @Override
  public void close() {
    restore();
  }

  private Object signalled(String name) {
    synchronized (this) {
      if (received != null) {
        return null;
      }
      received = name;
    }
    restore();
    target.interrupt();
    return null;
  }

  private synchronized void restore() {
    try {
      Class<?> signalType = Class.forName("sun.misc.Signal");
      Method handle = signalType.getMethod("handle", signalType, Class.forName("sun.misc.SignalHandler"));
      for (Map.Entry<String, Object> entry : replaced.entrySet()) {
        handle.invoke(null, signalType.getConstructor(String.class).newInstance(entry.getKey()), entry.getValue());
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      // Nothing more can be done: the handler left in place only interrupts, which a finished job ignores.
    }
    replaced.clear();
  }
}
