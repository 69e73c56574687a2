package dev.refreshcdn.cli;

import dev.refreshcdn.Api;
import dev.refreshcdn.Refresh;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The commands a run prints for later (resume a job, ask again for tasks), spelled so that they work as printed:
 * with the options the user must repeat and nothing else. A job remembers its API and endpoint, so its resume
 * command names only a state directory that is not the default and the credential options; a status query
 * remembers nothing, so it also names the API and an endpoint that is not the API's default.
 */
final class FollowUp {
  /** The variable the launcher sets to the command the user types to run refresh-cdn, e.g. {@code ./jbang refresh-cdn}. */
  static final String COMMAND_VARIABLE = "REFRESH_CDN_COMMAND";
  /** The command when the variable is not set: refresh-cdn installed on the PATH. */
  static final String DEFAULT_COMMAND = "refresh-cdn";

  private final Path stateDir;
  private final Map<String, String> env;
  private Api api = Refresh.DEFAULT_API;
  private URI endpoint;
  private final List<String> credentialOptions = new ArrayList<>();

  /** Commands for a run whose jobs are kept in {@code stateDir} (null: none); {@code env} gives the defaults. */
  public FollowUp(Path stateDir, Map<String, String> env) {
    this.stateDir = stateDir;
    this.env = env;
  }

  /** How the user runs refresh-cdn, as {@value #COMMAND_VARIABLE} says; else {@value #DEFAULT_COMMAND}. */
  static String program(Map<String, String> env) {
    String command = env.get(COMMAND_VARIABLE);
    return command == null || command.isBlank() ? DEFAULT_COMMAND : command.strip();
  }

  /** The API and endpoint the requests went to. */
  public FollowUp target(Api api, URI endpoint) {
    this.api = api;
    this.endpoint = endpoint;
    return this;
  }

  /** The credential options given (each null when not), which every later command needs again. */
  public FollowUp credentials(String profile, Path file) {
    credentialOptions.clear();
    if (profile != null) {
      credentialOptions.add("--profile " + StateDir.shellQuoted(profile));
    }
    if (file != null) {
      // Absolute, as --state-dir is: a hint must work from any directory.
      credentialOptions.add("--credentials " + StateDir.shellQuoted(file.toAbsolutePath().normalize().toString()));
    }
    return this;
  }

  /**
   * {@code refresh-cdn resume JOB}, with --state-dir when not the default and the credential options (the journal
   * keeps the API, endpoint and area a resume corrected).
   */
  public String resume(String jobId) {
    String command = stateDir == null ? program(env) + " resume " + jobId : StateDir.resumeCommand(jobId, stateDir, env);
    return withCredentials(command);
  }

  /**
   * {@code refresh-cdn status … --task ID…}, with the API when it is not the default or something else could pick
   * another (the environment, or the api setting of a credentials profile or file named), an endpoint that is not its
   * default, and credentials.
   */
  public String status(List<String> taskIds) {
    StringBuilder command = new StringBuilder(program(env) + " status");
    String chosen = env.get(Choices.API_VARIABLE);
    if (api != Refresh.DEFAULT_API || chosen != null && !chosen.isBlank() || !credentialOptions.isEmpty()) {
      command.append(" --api ").append(api == Api.V3 ? "v3" : "v2");
    }
    if (endpoint != null && !endpoint.equals(ConnectionOptions.defaultEndpoint(api))) {
      command.append(" --endpoint ").append(StateDir.shellQuoted(endpoint.toString()));
    }
    for (String id : taskIds) {
      if (!id.isEmpty()) { // a legacy directory request creates a task without an id
        command.append(" --task ").append(StateDir.shellQuoted(id));
      }
    }
    return withCredentials(command.toString());
  }

  private String withCredentials(String command) {
    return credentialOptions.isEmpty() ? command : command + " " + String.join(" ", credentialOptions);
  }
}
