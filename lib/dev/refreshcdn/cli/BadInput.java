package dev.refreshcdn.cli;

import dev.refreshcdn.Plan;
import dev.refreshcdn.RefreshException.InvalidUrl;
import dev.refreshcdn.RefreshException.InvalidInputException;
import dev.refreshcdn.internal.Texts;
import java.io.PrintStream;
import java.util.List;

/** What a purge and a prefetch print about bad entries: those that stopped the run, and those skipped. */
final class BadInput {
  private BadInput() {}

  /**
   * Names each bad entry that stopped the run before anything was sent ({@code verb}: "refresh", "prefetch"), then
   * {@code suggestion} when there is one; returns the usage exit code.
   */
  static int refused(Context context, OutputOptions output, InvalidInputException e, Input entries, String verb,
      String suggestion) {
    if (e.invalid().isEmpty()) {
      context.err.println("refresh-cdn: " + e.getMessage());
    } else {
      int bad = e.invalid().size();
      context.err.println("refresh-cdn: " + bad + " of " + Texts.plural(entries.urls().size(), "entry")
          + (bad == 1 ? " is not a valid URL" : " are not valid URLs") + " to " + verb + "; nothing was sent:");
      listInvalid(context.err, e.invalid(), entries);
      if (suggestion != null) {
        context.err.println("  " + suggestion);
      }
    }
    if (output.json) {
      context.out.println(JsonReport.text(JsonReport.invalid(e, entries, Exit.USAGE)));
    }
    return Exit.USAGE;
  }

  /** Lists the entries {@code --skip-invalid} left out of {@code plan}, unless the output is quiet or JSON. */
  static void skipped(Context context, OutputOptions output, Plan plan, Input entries) {
    if (plan.skipped().isEmpty() || output.quiet || output.json) {
      return;
    }
    context.err.println("refresh-cdn: skipped " + Texts.plural(plan.skipped().size(), "bad entry") + ":");
    listInvalid(context.err, plan.skipped(), entries);
  }

  /**
   * Lists the first {@link Reporter#LISTED} bad entries on {@code err}, each with where it came from, then counts the
   * rest.
   */
  static void listInvalid(PrintStream err, List<InvalidUrl> invalid, Input entries) {
    for (int i = 0; i < invalid.size() && i < Reporter.LISTED; i++) {
      err.println("  " + entries.describe(invalid.get(i)));
    }
    if (invalid.size() > Reporter.LISTED) {
      err.println("  … and " + (invalid.size() - Reporter.LISTED) + " more");
    }
  }
}
