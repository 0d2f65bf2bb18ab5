package dev.decaybench.operator.metrics;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the operator's requests to the API server by verb (an HTTP client interceptor):
 * {@code decaybench_api_requests_total{verb, resource}}, and the writes in {@link #writes()} for
 * the benchmark. Watches count once, when they open.
 */
public final class ApiRequestCounter implements Interceptor {

  public static final String NAME = "decaybench-request-counter";

  private final MeterRegistry registry;
  private final AtomicLong writes = new AtomicLong();
  private final Map<String, AtomicLong> writesByResource = new ConcurrentHashMap<>();

  public ApiRequestCounter(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    String method = request.method().toUpperCase(Locale.ROOT);
    String resource = resource(request.uri().getPath());
    boolean write = !method.equals("GET") && !method.equals("HEAD");
    if (write) {
      writes.incrementAndGet();
      writesByResource.computeIfAbsent(method + " " + resource, k -> new AtomicLong())
          .incrementAndGet();
    }
    if (registry != null) {
      Counter.builder("decaybench.api.requests")
          .description("Requests of the operator to the Kubernetes API server")
          .tags("verb", method, "resource", resource).register(registry).increment();
    }
  }

  /** Writes (POST, PUT, PATCH, DELETE) so far. */
  public long writes() {
    return writes.get();
  }

  /** Writes so far by "VERB resource", e.g. "PATCH evaluationtrials/status". */
  public Map<String, Long> writesByResource() {
    Map<String, Long> out = new java.util.TreeMap<>();
    writesByResource.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  /**
   * The resource of an API path: {@code pods}, {@code evaluationtrials/status}, ... (a bounded
   * set: the kinds this operator touches).
   */
  static String resource(String path) {
    String[] parts = path.split("/");
    // /api/v1/namespaces/ns/pods/name[/status] or /apis/group/version/namespaces/ns/kind/name
    int i = 0;
    while (i < parts.length && !parts[i].equals("namespaces")) {
      i++;
    }
    int kind = i < parts.length ? i + 2 : parts.length - 1;
    if (kind >= parts.length) {
      // cluster-wide list/watch: /apis/group/version/kind
      return parts.length == 0 ? "" : parts[parts.length - 1];
    }
    String r = parts[kind];
    if (kind + 2 < parts.length) {
      r += "/" + parts[kind + 2];
    }
    return r;
  }
}
