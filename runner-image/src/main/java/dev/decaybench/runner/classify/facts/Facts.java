package dev.decaybench.runner.classify.facts;

import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.runner.classify.input.TrialEvidence;
import dev.decaybench.runner.classify.input.VerifierFinding;
import java.util.List;
import java.util.Locale;

/** Everything derived from one trial's evidence, computed once and shared by every rule. */
public final class Facts {

  public final TrialEvidence evidence;
  public final RequestFacts requests;
  public final LogFacts log;
  public final TrajectoryFacts trajectory;
  public final String framework;

  public Facts(TrialEvidence e) {
    this.evidence = e;
    this.requests = RequestFacts.of(e);
    this.log = LogFacts.scan(e.serverLog(), e.setupLog(), e.startupNotes());
    this.trajectory = TrajectoryFacts.of(e.trajectory(), e.agentStatus());
    this.framework = framework(e);
  }

  public List<VerifierFinding> failingVerifiers() {
    return evidence.verifiers().stream().filter(v -> !v.passed() && v.decisive()).toList();
  }

  /** The web framework, from the task name or from tell-tale log lines; "unknown" otherwise. */
  public static String framework(TrialEvidence e) {
    String task = e.task() == null ? "" : e.task().toLowerCase(Locale.ROOT);
    for (String f : Framework.names()) {
      if (task.contains(f)) {
        return f;
      }
    }
    String log = e.serverLog();
    if (log.contains("uvicorn") || log.contains("ASGI") || log.contains("INFO:     ")) {
      return Framework.FASTAPI.value();
    }
    if (log.contains("werkzeug") || log.contains("Serving Flask app")) {
      return Framework.FLASK.value();
    }
    if (log.contains("aiohttp")) {
      return Framework.AIOHTTP.value();
    }
    if (log.contains("django")) {
      return Framework.DJANGO.value();
    }
    if (log.contains("fastify") || log.contains("\"reqId\"")) {
      return Framework.FASTIFY.value();
    }
    if (log.contains("hono")) {
      return Framework.HONO.value();
    }
    if (log.contains("/koa/") || log.contains("  <-- ")) {
      return Framework.KOA.value();
    }
    if (log.contains("express")) {
      return Framework.EXPRESS.value();
    }
    return "unknown";
  }

  public static String clip(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }
}
