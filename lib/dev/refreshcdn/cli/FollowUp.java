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
  private final Path stateDir;
  private final Map<String, String> env;
  private Api api = Refresh.DEFAULT_API;
  private URI endpoint;
  private final List<String> credentialOptions = new ArrayList<>();
  private String endpointOverride;

  /** Commands for a run whose jobs are kept in {@code stateDir} (null: none); {@code env} gives the defaults. */
  public FollowUp(Path stateDir, Map<String, String> env) {
    this.stateDir = stateDir;
    this.env = env;
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
      credentialOptions.add("--credentials " + StateDir.shellQuoted(file.toString()));
    }
    return this;
  }

  /**
   * An --endpoint given to a resume that differs from the job's: the journal keeps the one the job was submitted to,
   * so the next resume needs it again.
   */
  public FollowUp endpointOverride(String endpoint) {
    this.endpointOverride = endpoint;
    return this;
  }

  /**
   * {@code refresh-cdn resume JOB}, with --state-dir when not the default, an endpoint override, and the credential
   * options.
   */
  public String resume(String jobId) {
    String command = stateDir == null ? "refresh-cdn resume " + jobId : StateDir.resumeCommand(jobId, stateDir, env);
    if (endpointOverride != null) {
      command += " --endpoint " + StateDir.shellQuoted(endpointOverride);
    }
    return withCredentials(command);
  }

  /**
   * {@code refresh-cdn status … --task ID…}, with the API when it is not the default or something else could pick
   * another (the environment, or the api setting of a credentials profile or file named), an endpoint that is not its
   * default, and credentials.
   */
  public String status(List<String> taskIds) {
    StringBuilder command = new StringBuilder("refresh-cdn status");
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
