package dev.decaybench.runner.classify.input;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the classifier knows about the paper's Conduit collection, in run order: how many checks
 * each request makes, which route group it exercises, what it needs from earlier requests (the
 * token, the article slug, the celebrity user, the favourite) and what it provides to later ones.
 * Requests of other collections fall back to a guess from their path.
 */
public final class ConduitCollection {

  /** Route groups: a whole group answering 404 means the agent never wrote it. */
  public enum Group { ACCOUNT, USER, ARTICLES, FEED, FAVORITES, COMMENTS, PROFILES, TAGS, OTHER }

  /** State one request hands to later ones. */
  public enum Resource { USER, TOKEN, SLUG, FAVORITE, CELEB, COMMENT }

  /**
   * One request. {@code itemChecks}: checks on the first list element (all fail on an empty list);
   * {@code semanticChecks}: checks on a flag or counter that only a persisted write makes true.
   */
  public record Entry(int index, String name, String method, int checks, Group group,
      boolean sendsToken, boolean sendsBody, boolean checksStatus, int itemChecks,
      int semanticChecks, boolean filteredList, Resource produces, Set<Resource> needs) {

    public boolean known() {
      return index >= 0;
    }

    public boolean needs(Resource r) {
      return needs.contains(r);
    }

    /** A GET of an article list (the feed included): checks its status and the list wrapper. */
    public boolean articleList() {
      return known() && "GET".equals(method) && checksStatus && (group == Group.ARTICLES || group == Group.FEED);
    }

    /** An article list checked only for its wrapper ({@code articles}, {@code articlesCount}), not its items. */
    public boolean wrapperOnly() {
      return articleList() && itemChecks == 0;
    }
  }

  private static final List<Entry> ENTRIES = new ArrayList<>();

  static {
    add("Register", "POST", 6, Group.ACCOUNT, false, true, false, 0, 0, false, Resource.USER);
    add("Login", "POST", 6, Group.ACCOUNT, false, true, false, 0, 0, false, null, Resource.USER);
    add("Login and Remember Token", "POST", 7, Group.ACCOUNT, false, true, false, 0, 0, false,
        Resource.TOKEN, Resource.USER);
    add("Current User", "GET", 5, Group.USER, true, false, false, 0, 0, false, null, Resource.TOKEN);
    add("Update User", "PUT", 5, Group.USER, true, true, false, 0, 0, false, null, Resource.TOKEN);
    add("All Articles", "GET", 5, Group.ARTICLES, false, false, true, 0, 0, false, null);
    add("Articles by Author", "GET", 5, Group.ARTICLES, false, false, true, 0, 0, true, null);
    add("Articles Favorited by Username", "GET", 5, Group.ARTICLES, false, false, true, 0, 0, true, null);
    add("Articles by Tag", "GET", 5, Group.ARTICLES, false, false, true, 0, 0, true, null);
    add("Create Article", "POST", 13, Group.ARTICLES, true, true, false, 0, 0, false, Resource.SLUG,
        Resource.TOKEN);
    add("Feed", "GET", 5, Group.FEED, true, false, true, 0, 0, false, null, Resource.TOKEN);
    add("All Articles", "GET", 17, Group.ARTICLES, true, false, true, 12, 0, false, null, Resource.SLUG);
    add("All Articles with auth", "GET", 17, Group.ARTICLES, true, false, true, 12, 0, false, null,
        Resource.SLUG, Resource.TOKEN);
    add("Articles by Author", "GET", 17, Group.ARTICLES, true, false, true, 12, 0, true, null, Resource.SLUG);
    add("Articles by Author with auth", "GET", 17, Group.ARTICLES, true, false, true, 12, 0, true, null,
        Resource.SLUG, Resource.TOKEN);
    add("Single Article by slug", "GET", 13, Group.ARTICLES, true, false, false, 0, 0, false, null,
        Resource.SLUG);
    add("Articles by Tag", "GET", 17, Group.ARTICLES, true, false, true, 12, 0, true, null, Resource.SLUG);
    add("Update Article", "PUT", 13, Group.ARTICLES, true, true, false, 0, 0, false, null,
        Resource.SLUG, Resource.TOKEN);
    add("Favorite Article", "POST", 15, Group.FAVORITES, true, false, false, 0, 2, false,
        Resource.FAVORITE, Resource.SLUG, Resource.TOKEN);
    add("Articles Favorited by Username", "GET", 17, Group.ARTICLES, true, false, true, 12, 0, true, null,
        Resource.SLUG, Resource.FAVORITE);
    add("Articles Favorited by Username with auth", "GET", 17, Group.ARTICLES, true, false, true, 12, 0,
        true, null, Resource.SLUG, Resource.FAVORITE, Resource.TOKEN);
    add("Unfavorite Article", "DELETE", 14, Group.FAVORITES, true, false, false, 0, 1, false, null,
        Resource.SLUG, Resource.TOKEN);
    add("Create Comment for Article", "POST", 6, Group.COMMENTS, true, true, false, 0, 0, false, Resource.COMMENT,
        Resource.SLUG, Resource.TOKEN);
    add("All Comments for Article", "GET", 7, Group.COMMENTS, true, false, true, 5, 0, false, null,
        Resource.SLUG, Resource.COMMENT);
    add("All Comments for Article without login", "GET", 7, Group.COMMENTS, false, false, true, 5, 0,
        false, null, Resource.SLUG, Resource.COMMENT);
    add("Delete Comment for Article", "DELETE", 0, Group.COMMENTS, true, false, false, 0, 0, false, null,
        Resource.SLUG);
    add("Delete Article", "DELETE", 0, Group.ARTICLES, true, false, false, 0, 0, false, null, Resource.SLUG);
    add("Register Celeb", "POST", 6, Group.ACCOUNT, false, true, false, 0, 0, false, Resource.CELEB);
    add("Profile", "GET", 6, Group.PROFILES, true, false, true, 0, 0, false, null, Resource.CELEB);
    add("Follow Profile", "POST", 7, Group.PROFILES, true, true, true, 0, 1, false, null,
        Resource.CELEB, Resource.TOKEN);
    add("Unfollow Profile", "DELETE", 7, Group.PROFILES, true, false, true, 0, 1, false, null,
        Resource.CELEB, Resource.TOKEN);
    add("All Tags", "GET", 3, Group.TAGS, false, false, true, 0, 0, false, null);
  }

  private ConduitCollection() {}

  private static void add(String name, String method, int checks, Group group, boolean token,
      boolean body, boolean status, int items, int semantic, boolean filtered, Resource produces,
      Resource... needs) {
    Set<Resource> n = needs.length == 0 ? EnumSet.noneOf(Resource.class) : EnumSet.of(needs[0], needs);
    ENTRIES.add(new Entry(ENTRIES.size(), name, method, checks, group, token, body, status, items,
        semantic, filtered, produces, Set.copyOf(n)));
  }

  public static List<Entry> entries() {
    return List.copyOf(ENTRIES);
  }

  /** Entries of a group that make checks: the members a missing route would fail. */
  public static List<Entry> members(Group g) {
    return ENTRIES.stream().filter(e -> e.group() == g && e.checks() > 0).toList();
  }

  /**
   * The collection entry for a request seen in run order: the first entry with this name (and
   * method, when given) at or after {@code from} that makes at least {@code failed} checks, else
   * any such entry, else a guess from the path when the name is unknown.
   */
  public static Entry match(String name, String method, String path, int from, int failed) {
    return match(name, method, path, from, failed, null, 0);
  }

  /**
   * As {@link #match(String, String, String, int, int)}, using what the answer says when a name
   * occurs more than once in the collection (the article lists are run twice, before and after an
   * article exists). An error answer fails every check of its request, so its count picks the
   * entry. A 2xx answer with a few failed checks, whose name does not come again later in the
   * input ({@code laterSameName} counts the later requests with the same name), is the last
   * candidate: had the first round's list failed, the second round's would have failed too.
   */
  public static Entry match(String name, String method, String path, int from, int failed, Integer status,
      int laterSameName) {
    List<Entry> candidates = new ArrayList<>();
    for (int i = Math.max(0, from); i < ENTRIES.size(); i++) {
      Entry e = ENTRIES.get(i);
      if (e.name().equalsIgnoreCase(name) && e.checks() >= failed
          && (method == null || method.isEmpty() || e.method().equalsIgnoreCase(method))) {
        candidates.add(e);
      }
    }
    if (candidates.size() > 1 && failed > 0) {
      boolean ok = status != null && status >= 200 && status < 300;
      if (!ok) {
        for (Entry e : candidates) {
          if (e.checks() == failed) {
            return e;
          }
        }
      } else {
        return candidates.get(Math.max(0, candidates.size() - 1 - Math.max(0, laterSameName)));
      }
    }
    return match0(name, method, path, from, failed);
  }

  private static Entry match0(String name, String method, String path, int from, int failed) {
    Entry found = find(name, method, Math.max(0, from), failed);
    if (found == null) {
      found = find(name, method, 0, failed);
    }
    if (found == null) {
      found = find(name, method, 0, 0);
    }
    return found != null ? found : guess(name, method, path);
  }

  private static Entry find(String name, String method, int from, int failed) {
    for (int i = from; i < ENTRIES.size(); i++) {
      Entry e = ENTRIES.get(i);
      if (e.name().equalsIgnoreCase(name) && e.checks() >= failed
          && (method == null || method.isEmpty() || e.method().equalsIgnoreCase(method))) {
        return e;
      }
    }
    return null;
  }

  /** A request from another collection: its group from the path, no dependencies known. */
  static Entry guess(String name, String method, String path) {
    String p = (path == null ? "" : path).toLowerCase(Locale.ROOT);
    String n = (name == null ? "" : name).toLowerCase(Locale.ROOT);
    Group g;
    if (p.contains("/comments") || n.contains("comment")) {
      g = Group.COMMENTS;
    } else if (p.contains("/favorite") || n.startsWith("favorite") || n.startsWith("unfavorite")) {
      g = Group.FAVORITES;
    } else if (p.contains("/profiles") || n.contains("profile") || n.contains("follow")) {
      g = Group.PROFILES;
    } else if (p.contains("/tags") || n.contains("tags")) {
      g = Group.TAGS;
    } else if (p.contains("/feed") || n.contains("feed")) {
      g = Group.FEED;
    } else if (p.contains("/users") || n.contains("register") || n.contains("login")) {
      g = Group.ACCOUNT;
    } else if (p.endsWith("/user") || n.contains("user")) {
      g = Group.USER;
    } else if (p.contains("/articles") || n.contains("article")) {
      g = Group.ARTICLES;
    } else {
      g = Group.OTHER;
    }
    boolean body = "POST".equalsIgnoreCase(method) || "PUT".equalsIgnoreCase(method);
    return new Entry(-1, name, method, -1, g, false, body, false, 0, 0, false, null, Set.of());
  }
}
