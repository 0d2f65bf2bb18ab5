package dev.decaybench.runner.suite;

import dev.decaybench.model.result.RequestResult;

/** Told where a suite run is, so the engine can look at the app between requests. */
public interface SuiteListener {

  SuiteListener NONE = new SuiteListener() { };

  /** Before the first request of each suite. */
  default void suiteStarts(String suite) { }

  /** After each request, with its checks, before the next one is sent. */
  default void requestDone(String suite, RequestResult request) { }
}
