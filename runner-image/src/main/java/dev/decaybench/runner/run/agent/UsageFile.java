package dev.decaybench.runner.run.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The file a command agent may write to report what it spent ({@code DECAYBENCH_USAGE_FILE}):
 * {@code {"promptTokens":..,"completionTokens":..,"calls":..}}, optionally {@code "toolCalls":
 * {"shell":..,"writeFile":..,"finish":..}}. Every field is optional; what is absent or not a
 * whole number stays null. It lives next to the trajectory, outside the workspace, so it never
 * ends up in the patch.
 */
public final class UsageFile {

  public static final String ENV = "DECAYBENCH_USAGE_FILE";
  public static final String NAME = "agent-usage.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private UsageFile() {}

  /** Where the agent of this trial may write it. */
  public static Path of(AgentContext ctx) {
    return ctx.trajectoryFile().resolveSibling(NAME);
  }

  /** The usage reported, null when the agent wrote none (no file, or the empty one it was given). */
  public static AgentUsage read(Path file) throws IOException {
    if (!Files.isRegularFile(file) || Files.size(file) == 0) {
      return null;
    }
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException("the agent's usage file " + file.getFileName() + " is not JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IOException("the agent's usage file " + file.getFileName() + " is not a JSON object");
    }
    Map<String, Integer> tools = null;
    if (root.path("toolCalls").isObject()) {
      tools = new LinkedHashMap<>();
      for (var it = root.get("toolCalls").fields(); it.hasNext(); ) {
        var f = it.next();
        if (f.getValue().canConvertToInt() && f.getValue().isIntegralNumber()) {
          tools.put(f.getKey(), f.getValue().asInt());
        }
      }
    }
    return new AgentUsage(whole(root, "promptTokens"), whole(root, "completionTokens"),
        whole(root, "calls") == null ? null : whole(root, "calls").intValue(), tools);
  }

  private static Long whole(JsonNode root, String field) {
    JsonNode n = root.path(field);
    return n.isIntegralNumber() && n.asLong() >= 0 ? n.asLong() : null;
  }
}
