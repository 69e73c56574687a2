package dev.refreshcdn.cli;

import dev.refreshcdn.Api;
import dev.refreshcdn.Area;
import dev.refreshcdn.Area.Quota;
import dev.refreshcdn.JobStore.Job;
import dev.refreshcdn.Task;
import dev.refreshcdn.TaskStatus;
import java.lang.reflect.Constructor;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * The library's value types as the service or a journal would yield them, for the formatting tests: their
 * constructors are package-private (the library alone creates them), so they are reached by reflection here.
 */
final class Values {
  private Values() {}

  static TaskStatus status(String taskId, TaskStatus.State state, List<String> urls, String created) {
    return create(TaskStatus.class, taskId, state, urls, created);
  }

  static Job job(String id, Instant created, Job.State state, Api api, URI endpoint, boolean directories, int urls,
      int accepted) {
    return job(id, created, state, api, endpoint, directories, urls, accepted, List.of());
  }

  static Job job(String id, Instant created, Job.State state, Api api, URI endpoint, boolean directories, int urls,
      int accepted, List<String> taskIds) {
    return create(Job.class, id, created, state, directories ? Job.Kind.DIRECTORIES : Job.Kind.PURGE, api, endpoint,
        urls, accepted, taskIds, null, null, null);
  }

  /** {@code job}, read without its damaged journal lines, as {@code problem} says. */
  static Job withProblem(Job job, String problem) {
    return create(Job.class, job.id(), job.created(), job.state(), job.kind(), job.api(), job.endpoint(),
        job.urlCount(), job.acceptedUrls(), job.taskIds(), null, null, problem);
  }

  /** A job whose files cannot be read: only its id is known, and why. */
  static Job unreadable(String id, String problem) {
    return create(Job.class, id, null, Job.State.UNREADABLE, null, null, null, 0, 0, List.of(), null, null, problem);
  }

  static Task task(String taskId, int count, List<String> urls) {
    return create(Task.class, taskId, count, urls);
  }

  static Quota quota(Quota.Kind kind, Area area, int batch, int total, int available, boolean fromService) {
    return create(Quota.class, kind, area, batch, total, available, fromService);
  }

  private static <T> T create(Class<T> type, Object... args) {
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      if (constructor.getParameterCount() == args.length) {
        try {
          constructor.setAccessible(true);
          return type.cast(constructor.newInstance(args));
        } catch (ReflectiveOperationException e) {
          throw new AssertionError("cannot create a " + type.getSimpleName(), e);
        }
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " constructor with " + args.length + " parameters");
  }
}
