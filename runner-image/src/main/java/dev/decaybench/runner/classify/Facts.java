package dev.decaybench.runner.classify;

import java.util.List;
import java.util.Locale;

/** Everything derived from one trial's evidence, computed once and shared by every rule. */
final class Facts {

  final TrialEvidence evidence;
  final RequestFacts requests;
  final LogFacts log;
  final TrajectoryFacts trajectory;
  final String framework;

  Facts(TrialEvidence e) {
    this.evidence = e;
    this.requests = RequestFacts.of(e);
    this.log = LogFacts.scan(e.serverLog(), e.setupLog(), e.startupNotes());
    this.trajectory = TrajectoryFacts.of(e.trajectory(), e.agentStatus());
    this.framework = framework(e);
  }

  List<VerifierFinding> failingVerifiers() {
    return evidence.verifiers().stream().filter(v -> !v.passed() && v.decisive()).toList();
  }

  /** The web framework, from the task name or from tell-tale log lines; "unknown" otherwise. */
  static String framework(TrialEvidence e) {
    String task = e.task() == null ? "" : e.task().toLowerCase(Locale.ROOT);
    for (String f : List.of("flask", "fastapi", "aiohttp", "django", "express", "koa", "fastify", "hono")) {
      if (task.contains(f)) {
        return f;
      }
    }
    String log = e.serverLog();
    if (log.contains("uvicorn") || log.contains("ASGI") || log.contains("INFO:     ")) {
      return "fastapi";
    }
    if (log.contains("werkzeug") || log.contains("Serving Flask app")) {
      return "flask";
    }
    if (log.contains("aiohttp")) {
      return "aiohttp";
    }
    if (log.contains("django")) {
      return "django";
    }
    if (log.contains("fastify") || log.contains("\"reqId\"")) {
      return "fastify";
    }
    if (log.contains("hono")) {
      return "hono";
    }
    if (log.contains("/koa/") || log.contains("  <-- ")) {
      return "koa";
    }
    if (log.contains("express")) {
      return "express";
    }
    return "unknown";
  }

  static String clip(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }
}
