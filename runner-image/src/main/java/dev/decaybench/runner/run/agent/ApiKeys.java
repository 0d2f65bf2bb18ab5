package dev.decaybench.runner.run.agent;

import dev.decaybench.model.v1alpha1.AgentSpec;
import java.util.Locale;

/**
 * Where a local run finds the LLM key the manifest refers to: the environment variable named
 * after the Secret reference ({@code <NAME>_<KEY>}, upper case, dashes as underscores), else
 * {@code DECAYBENCH_API_KEY}. In a cluster the Secret is mounted into the agent container only.
 */
public final class ApiKeys {

  private ApiKeys() {}

  public static String lookup(AgentSpec spec) {
    if (spec != null && spec.getApiKeySecretRef() != null) {
      String name = (spec.getApiKeySecretRef().getName() + "_" + spec.getApiKeySecretRef().getKey())
          .toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
      String v = System.getenv(name);
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    String fallback = System.getenv("DECAYBENCH_API_KEY");
    return fallback == null || fallback.isEmpty() ? null : fallback;
  }

  /** Replaces the key wherever it appears, so it never reaches a result, log or report. */
  public static String redact(String text, String key) {
    return key == null || key.length() < 4 || text == null ? text : text.replace(key, "***");
  }
}
