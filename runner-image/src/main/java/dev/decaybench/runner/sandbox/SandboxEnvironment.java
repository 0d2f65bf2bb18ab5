package dev.decaybench.runner.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment of everything a trial runs, built from an allow-list: nothing of decaybench's
 * own environment (keys, tokens, proxies, paths into the host) reaches set-up or the app unless
 * named here.
 */
public final class SandboxEnvironment {

  static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private SandboxEnvironment() {}

  /** The base variables plus {@code extra} (the app's PORT, DB_* and DATABASE_URL). */
  public static Map<String, String> of(String home, Map<String, String> extra) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", PATH);
    env.put("HOME", home);
    env.put("TMPDIR", "/tmp");
    env.put("LANG", "C.UTF-8");
    env.put("npm_config_update_notifier", "false");
    env.put("npm_config_fund", "false");
    env.put("npm_config_audit", "false");
    env.put("npm_config_cache", home + "/.npm");
    env.putAll(extra);
    return env;
  }

  /** Replaces a child's inherited environment with exactly {@code env}. */
  static ProcessBuilder apply(ProcessBuilder pb, Map<String, String> env) {
    pb.environment().clear();
    pb.environment().putAll(env);
    return pb;
  }
}
