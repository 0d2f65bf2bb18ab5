package dev.decaybench.runner.util;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keeps credentials away from the app under test and its set-up: variables that look like keys,
 * tokens or secrets are removed from a child's environment. Only the agent phase gets the LLM key.
 */
public final class SecretScrubber {

  private static final Pattern SECRET = Pattern.compile("(?i).*(API_?KEY|SECRET|TOKEN|PASSWORD|CREDENTIAL).*");

  private SecretScrubber() {}

  public static void scrub(Map<String, String> env) {
    env.keySet().removeIf(name -> SECRET.matcher(name).matches());
  }
}
