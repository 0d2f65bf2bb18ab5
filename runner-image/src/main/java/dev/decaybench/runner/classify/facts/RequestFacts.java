package dev.decaybench.runner.classify.facts;

import dev.decaybench.runner.classify.input.ConduitCollection;
import dev.decaybench.runner.classify.input.ConduitCollection.Entry;
import dev.decaybench.runner.classify.input.ConduitCollection.Group;
import dev.decaybench.runner.classify.input.ConduitCollection.Resource;
import dev.decaybench.runner.classify.input.RequestOutcome;
import dev.decaybench.runner.classify.input.TrialEvidence;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The failed requests, each with its symptom, and which of them are mere consequences of an
 * earlier failure (a cascade: no token, no slug, no celebrity user, no favourite, a dead server).
 * The rest are the roots, where the defect shows first.
 */
public final class RequestFacts {

  /** How a failed request failed. */
  public enum Symptom {
    NO_ANSWER, SERVER_ERROR, NOT_FOUND, NOT_ALLOWED, UNAUTHORIZED, REDIRECT, CLIENT_ERROR,
    /** 2xx but the list the checks look into is empty. */
    EMPTY,
    /** 2xx with missing or mistyped properties, or a missing wrapper. */
    SHAPE,
    /** 2xx, right shape, but a flag or counter a persisted write should have set is wrong. */
    SEMANTIC,
    /** 2xx but not the 200 the request checks for. */
    STATUS_MISMATCH,
    OTHER_2XX
  }

  /** One failed request; {@code flags} names the failed semantic checks when known (count, flag). */
  public record Row(RequestOutcome request, Entry entry, Symptom symptom, Set<String> flags, String cascadeOf) {
    public boolean cascade() {
      return cascadeOf != null;
    }

    public String describe() {
      return "request " + request.summaryLine() + (cascadeOf == null ? "" : " (after " + cascadeOf + ")");
    }
  }

  private final List<Row> rows = new ArrayList<>();
  private final List<RequestOutcome> outcomes = new ArrayList<>();
  private final Map<Resource, Row> broken = new EnumMap<>(Resource.class);
  private boolean anyAnswered;
  private final boolean allListed;

  private RequestFacts(boolean allListed) {
    this.allListed = allListed;
  }

  static RequestFacts of(TrialEvidence e) {
    RequestFacts f = new RequestFacts(e.allRequestsListed());
    int cursor = 0;
    Row crash = null;
    List<RequestOutcome> all = e.requests();
    f.outcomes.addAll(all);
    for (int i = 0; i < all.size(); i++) {
      RequestOutcome r = all.get(i);
      Entry entry = ConduitCollection.match(r.name(), r.method(), r.path(), cursor, r.failedChecks(), r.status(),
          laterSameName(all, i));
      if (entry.known()) {
        if (!e.allRequestsListed() && skipsCheckedEntries(cursor, entry.index())) {
          f.anyAnswered = true; // a summary lists failures only: the requests skipped here passed
        }
        cursor = entry.index() + 1;
      }
      if (r.answered()) {
        f.anyAnswered = true;
      }
      if (!r.failed()) {
        continue;
      }
      Symptom s = symptom(r, entry);
      String cascadeOf = f.cascadeOf(entry, s);
      if (cascadeOf == null && s == Symptom.NO_ANSWER && crash != null) {
        cascadeOf = crash.request().name() + " (server stopped answering)";
      }
      Row row = new Row(r, entry, s, flags(r, entry), cascadeOf);
      f.rows.add(row);
      if (s == Symptom.NO_ANSWER && crash == null && f.anyAnswered) {
        crash = row;
      }
      if (entry.produces() != null && breaks(row)) {
        f.broken.putIfAbsent(entry.produces(), row);
      }
    }
    if (!e.allRequestsListed() && !f.rows.isEmpty() && f.rows.stream().anyMatch(x -> x.request().answered())) {
      f.anyAnswered = true;
    }
    return f;
  }

  private static int laterSameName(List<RequestOutcome> all, int i) {
    int n = 0;
    for (int j = i + 1; j < all.size(); j++) {
      if (all.get(j).name().equalsIgnoreCase(all.get(i).name())) {
        n++;
      }
    }
    return n;
  }

  private static boolean skipsCheckedEntries(int from, int to) {
    List<Entry> all = ConduitCollection.entries();
    for (int i = from; i < to && i < all.size(); i++) {
      if (all.get(i).checks() > 0) {
        return true;
      }
    }
    return false;
  }

  private String cascadeOf(Entry e, Symptom s) {
    Set<Resource> needs = EnumSet.noneOf(Resource.class);
    needs.addAll(e.needs());
    if (e.sendsToken()) {
      needs.add(Resource.TOKEN); // a broken token also fails optional-auth requests that send it
    }
    for (Resource need : needs) {
      Row producer = broken.get(need);
      if (producer == null) {
        continue;
      }
      boolean follows = switch (need) {
        case TOKEN -> s != Symptom.SHAPE && s != Symptom.SEMANTIC && s != Symptom.STATUS_MISMATCH
            && s != Symptom.OTHER_2XX;
        case FAVORITE -> s != Symptom.SHAPE;
        case COMMENT -> s == Symptom.EMPTY; // no comment was created, so the list is empty
        default -> true;
      };
      if (follows) {
        return producer.request().name() + " " + need.name().toLowerCase(Locale.ROOT);
      }
    }
    return null;
  }

  /** Whether a failed producer leaves its resource unusable for later requests. */
  private static boolean breaks(Row row) {
    RequestOutcome r = row.request();
    if (!r.success2xx()) {
      return true;
    }
    if (row.symptom() != Symptom.SHAPE) {
      return false;
    }
    String names = String.join(" ", r.failedCheckNames()).toLowerCase(Locale.ROOT);
    return switch (row.entry().produces()) {
      case TOKEN -> names.contains("token") || r.failedChecks() >= Math.max(1, row.entry().checks() - 1);
      case SLUG -> names.contains("\"slug\"") || r.failedChecks() >= 12;
      case FAVORITE -> r.failedChecks() >= 13;
      default -> false;
    };
  }

  static Symptom symptom(RequestOutcome r, Entry e) {
    Integer st = r.status();
    if (st == null) {
      return Symptom.NO_ANSWER;
    }
    if (st >= 500) {
      return Symptom.SERVER_ERROR;
    }
    if (st == 404) {
      return Symptom.NOT_FOUND;
    }
    if (st == 405 || st == 501) {
      return Symptom.NOT_ALLOWED;
    }
    if (st == 401 || st == 403) {
      return Symptom.UNAUTHORIZED;
    }
    if (st >= 300 && st < 400) {
      return Symptom.REDIRECT;
    }
    if (st >= 400) {
      return Symptom.CLIENT_ERROR;
    }
    return st >= 200 ? CheckNames.symptom2xx(r, e) : Symptom.OTHER_2XX;
  }

  private static Set<String> flags(RequestOutcome r, Entry e) {
    return CheckNames.semanticFlags(r, e);
  }

  public List<Row> rows() {
    return rows;
  }

  public List<Row> roots() {
    return rows.stream().filter(r -> !r.cascade()).toList();
  }

  public List<Row> roots(Symptom... symptoms) {
    Set<Symptom> set = Set.of(symptoms);
    return rows.stream().filter(r -> !r.cascade() && set.contains(r.symptom())).toList();
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** True when the app answered at least one request (a passed one counts too). */
  public boolean anyAnswered() {
    return anyAnswered;
  }

  public boolean allListed() {
    return allListed;
  }

  public Row broken(Resource r) {
    return broken.get(r);
  }

  /** The failed row for a collection entry, or null when it passed (or did not run). */
  public Row row(Entry e) {
    for (Row r : rows) {
      if (r.entry().known() && r.entry().index() == e.index()) {
        return r;
      }
    }
    return null;
  }

  /**
   * Whether the request of this name answered 2xx: a failed one by its status; otherwise, where
   * every request is listed, a listed answer with 2xx; where only failures are listed (the paper's
   * summary), an unlisted request passed as long as the app answered at all.
   */
  public boolean answered2xx(String name) {
    Row r = named(name);
    if (r != null) {
      return r.request().success2xx();
    }
    if (!allListed) {
      return anyAnswered;
    }
    return outcomes.stream().anyMatch(q -> q.name().equalsIgnoreCase(name) && q.success2xx());
  }

  /** The first failed row with this request name, or null. */
  public Row named(String name) {
    return rows.stream().filter(r -> r.request().name().equalsIgnoreCase(name)).findFirst().orElse(null);
  }

  List<Row> inGroup(Group g) {
    return rows.stream().filter(r -> r.entry().group() == g).toList();
  }
}
