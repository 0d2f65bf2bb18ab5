package dev.decaybench.model.v1alpha1;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Sets and reads {@link Condition}s in a status list, the Kubernetes way: one condition per
 * type, replaced in place; {@code lastTransitionTime} changes only when the status changes.
 */
public final class Conditions {

  /** Messages longer than this are cut (with "...") so statuses stay small. */
  public static final int MAX_MESSAGE_LENGTH = 1024;

  private Conditions() {}

  /**
   * Puts {@code condition} into {@code conditions} (a mutable list), replacing the one of the
   * same type. The stored copy keeps the old {@code lastTransitionTime} when the status did not
   * change, and gets {@code now} when it did (or when the type is new). Returns true when the
   * list changed in any way (so callers can skip a status update otherwise).
   */
  public static boolean set(List<Condition> conditions, Condition condition, Instant now) {
    Objects.requireNonNull(condition.getType(), "condition type");
    Condition next = new Condition(condition);
    next.setMessage(truncate(next.getMessage()));
    for (int i = 0; i < conditions.size(); i++) {
      Condition old = conditions.get(i);
      if (condition.getType().equals(old.getType())) {
        if (Objects.equals(old.getStatus(), next.getStatus())
            && old.getLastTransitionTime() != null) {
          next.setLastTransitionTime(old.getLastTransitionTime());
        } else {
          next.setLastTransitionTime(timestamp(now));
        }
        if (next.equals(old)) {
          return false;
        }
        conditions.set(i, next);
        return true;
      }
    }
    next.setLastTransitionTime(timestamp(now));
    conditions.add(next);
    return true;
  }

  /** Shorthand for {@link #set(List, Condition, Instant)}. */
  public static boolean set(List<Condition> conditions, String type, String status, String reason,
      String message, Long observedGeneration, Instant now) {
    Condition c = new Condition(type, status, reason, message);
    c.setObservedGeneration(observedGeneration);
    return set(conditions, c, now);
  }

  public static Optional<Condition> find(List<Condition> conditions, String type) {
    if (conditions == null) {
      return Optional.empty();
    }
    return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  public static boolean isTrue(List<Condition> conditions, String type) {
    return find(conditions, type).map(c -> Condition.TRUE.equals(c.getStatus())).orElse(false);
  }

  /** Removes the condition of that type; true when one was there. */
  public static boolean remove(List<Condition> conditions, String type) {
    return conditions.removeIf(c -> type.equals(c.getType()));
  }

  /** RFC 3339 in UTC with second precision, as Kubernetes writes times. */
  public static String timestamp(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  static String truncate(String message) {
    if (message == null || message.length() <= MAX_MESSAGE_LENGTH) {
      return message;
    }
    return message.substring(0, MAX_MESSAGE_LENGTH - 3) + "...";
  }
}
