package dev.decaybench.runner.classify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.decaybench.runner.classify.input.ConduitCollection;
import dev.decaybench.runner.classify.input.SampleReader;
import dev.decaybench.runner.classify.input.TrialEvidence;
import dev.decaybench.runner.util.Json;
import java.nio.file.Path;

/** Builds evidence in the paper's sample shape for rule tests. */
final class ClassifierFixtures {

  static final Path RESOURCES = Path.of("src/test/resources/classify");
  static final String NO_CSV = "No Newman CSV found \u2014 server likely never started or health-check failed.";
  static final String ALL_PASSED = "All Newman assertions passed.";

  private ClassifierFixtures() {}

  /** A Newman summary line. */
  static String line(String name, String method, Integer status, int failed) {
    return name + " " + method + " \u2192 " + (status == null ? "" : status) + ": " + failed + " failed";
  }

  static String lines(String... l) {
    return String.join("\n", l);
  }

  /** Every asserted request of the collection without an answer. */
  static String allUnanswered() {
    StringBuilder sb = new StringBuilder();
    for (ConduitCollection.Entry e : ConduitCollection.entries()) {
      if (e.checks() > 0) {
        sb.append(line(e.name(), e.method(), null, e.checks())).append('\n');
      }
    }
    return sb.toString();
  }

  static Builder sample(String newmanSummary) {
    return new Builder().put("newman_summary", newmanSummary);
  }

  /** Fluent sample builder: any field of the sample shape. */
  static final class Builder {
    private final ObjectNode node = Json.mapper().createObjectNode();
    private final java.util.List<dev.decaybench.model.result.WriteCheck> writes = new java.util.ArrayList<>();

    /** What decaybench's database probe found after a write (not part of the paper's sample shape). */
    Builder write(String request, String thing, boolean stored, String where) {
      writes.add(new dev.decaybench.model.result.WriteCheck(request, thing, stored, where));
      return this;
    }

    Builder put(String field, String value) {
      if (value != null) {
        node.put(field, value);
      }
      return this;
    }

    Builder log(String log) {
      return put("server_log", log);
    }

    Builder trajectory(String t) {
      return put("trajectory", t);
    }

    Builder verifiers(String summary) {
      return put("verifier_summary", summary);
    }

    Builder status(String agentStatus) {
      return put("agent_status", agentStatus);
    }

    ObjectNode node() {
      return node;
    }

    TrialEvidence evidence() {
      return SampleReader.one(node, "test").withWrites(writes);
    }
  }

  /** A mini-swe-agent style turn pair: the assistant's command and its observation. */
  static String step(String command, String output) {
    return "[assistant]\nTHOUGHT: next step.\n\n```bash\n" + command + "\n```\n\n[user]\n<returncode>0</returncode>\n<output>\n"
        + output + "\n</output>\n\n";
  }
}
