package dev.refreshcdn.cli;

import dev.refreshcdn.Plan;
import dev.refreshcdn.RefreshException.InvalidInputException;
import dev.refreshcdn.internal.Texts;

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
      Reporter.listInvalid(context.err, e.invalid(), entries);
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
    Reporter.listInvalid(context.err, plan.skipped(), entries);
  }
}
