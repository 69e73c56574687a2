package dev.refreshcdn;

import java.util.List;

/** What {@link Plan#submit()} created: one {@link Task} for each request, in the order sent. */
public final class Submission {
  private final List<Task> tasks;

  Submission(List<Task> tasks) {
    this.tasks = List.copyOf(tasks);
  }

  /** The tasks created, one per request, in the order the requests were sent. */
  public List<Task> tasks() {
    return tasks;
  }

  /** The number of URLs the service accepted across all tasks. */
  public int urlCount() {
    int sum = 0;
    for (Task task : tasks) {
      sum += task.count();
    }
    return sum;
  }

  @Override
  public String toString() {
    return "Submission: " + tasks.size() + " tasks, " + urlCount() + " URLs " + tasks;
  }
}
