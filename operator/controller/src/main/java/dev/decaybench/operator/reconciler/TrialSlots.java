package dev.decaybench.operator.reconciler;

import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.operator.status.TrialResults;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The operator-wide parallelism limit. Active trials are the unfinished trials in the informer
 * cache plus those just created that the cache has not shown yet; runs reconciled at the same
 * time claim slots under one lock, so together they never exceed the limit.
 */
public final class TrialSlots {

  /** A created trial that the cache never shows (deleted at once) stops counting after this. */
  private static final Duration IN_FLIGHT_EXPIRY = Duration.ofMinutes(2);

  private final int limit;
  private final Clock clock;
  private final Map<String, Instant> inFlight = new HashMap<>();
  private volatile Supplier<Stream<EvaluationTrial>> trials = Stream::empty;

  public TrialSlots(int limit, Clock clock) {
    this.limit = limit;
    this.clock = clock;
  }

  /** Where the trials come from: the run controller's trial informer. */
  public void bind(Supplier<Stream<EvaluationTrial>> trials) {
    this.trials = trials;
  }

  public int limit() {
    return limit;
  }

  /** Trials that hold a slot now. */
  public synchronized int active() {
    return (int) countActive();
  }

  /**
   * Claims up to {@code wanted} of {@code candidates} (namespace/name keys, in order) and
   * returns the claimed ones; each counts as active until the cache shows it or it is
   * {@link #release released}.
   */
  public synchronized List<String> claim(List<String> candidates, int wanted) {
    long free = limit - countActive();
    int n = (int) Math.max(0, Math.min(Math.min(free, wanted), candidates.size()));
    List<String> claimed = new ArrayList<>(candidates.subList(0, n));
    Instant now = clock.instant();
    claimed.forEach(k -> inFlight.put(k, now));
    return claimed;
  }

  /** A claimed trial that could not be created. */
  public synchronized void release(String key) {
    inFlight.remove(key);
  }

  private long countActive() {
    Set<String> cached = new HashSet<>();
    long active = 0;
    for (EvaluationTrial t : (Iterable<EvaluationTrial>) trials.get()::iterator) {
      cached.add(key(t));
      if (!TrialResults.isTerminal(t)) {
        active++;
      }
    }
    Instant expired = clock.instant().minus(IN_FLIGHT_EXPIRY);
    inFlight.entrySet().removeIf(e -> cached.contains(e.getKey())
        || e.getValue().isBefore(expired));
    return active + inFlight.size();
  }

  public static String key(EvaluationTrial t) {
    return t.getMetadata().getNamespace() + "/" + t.getMetadata().getName();
  }
}
