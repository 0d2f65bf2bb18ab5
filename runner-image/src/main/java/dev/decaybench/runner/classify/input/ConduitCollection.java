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
    request("Register", "POST", 6, Group.ACCOUNT).body().produces(Resource.USER);
    request("Login", "POST", 6, Group.ACCOUNT).body().needs(Resource.USER);
    request("Login and Remember Token", "POST", 7, Group.ACCOUNT).body().produces(Resource.TOKEN)
        .needs(Resource.USER);
    request("Current User", "GET", 5, Group.USER).token().needs(Resource.TOKEN);
    request("Update User", "PUT", 5, Group.USER).token().body().needs(Resource.TOKEN);
    request("All Articles", "GET", 5, Group.ARTICLES).status();
    request("Articles by Author", "GET", 5, Group.ARTICLES).status().filtered();
    request("Articles Favorited by Username", "GET", 5, Group.ARTICLES).status().filtered();
    request("Articles by Tag", "GET", 5, Group.ARTICLES).status().filtered();
    request("Create Article", "POST", 13, Group.ARTICLES).token().body().produces(Resource.SLUG)
        .needs(Resource.TOKEN);
    request("Feed", "GET", 5, Group.FEED).token().status().needs(Resource.TOKEN);
    request("All Articles", "GET", 17, Group.ARTICLES).token().status().items(12)
        .needs(Resource.SLUG);
    request("All Articles with auth", "GET", 17, Group.ARTICLES).token().status().items(12)
        .needs(Resource.SLUG, Resource.TOKEN);
    request("Articles by Author", "GET", 17, Group.ARTICLES).token().status().items(12).filtered()
        .needs(Resource.SLUG);
    request("Articles by Author with auth", "GET", 17, Group.ARTICLES).token().status().items(12)
        .filtered().needs(Resource.SLUG, Resource.TOKEN);
    request("Single Article by slug", "GET", 13, Group.ARTICLES).token().needs(Resource.SLUG);
    request("Articles by Tag", "GET", 17, Group.ARTICLES).token().status().items(12).filtered()
        .needs(Resource.SLUG);
    request("Update Article", "PUT", 13, Group.ARTICLES).token().body()
        .needs(Resource.SLUG, Resource.TOKEN);
    request("Favorite Article", "POST", 15, Group.FAVORITES).token().semantic(2)
        .produces(Resource.FAVORITE).needs(Resource.SLUG, Resource.TOKEN);
    request("Articles Favorited by Username", "GET", 17, Group.ARTICLES).token().status().items(12)
        .filtered().needs(Resource.SLUG, Resource.FAVORITE);
    request("Articles Favorited by Username with auth", "GET", 17, Group.ARTICLES).token().status()
        .items(12).filtered().needs(Resource.SLUG, Resource.FAVORITE, Resource.TOKEN);
    request("Unfavorite Article", "DELETE", 14, Group.FAVORITES).token().semantic(1)
        .needs(Resource.SLUG, Resource.TOKEN);
    request("Create Comment for Article", "POST", 6, Group.COMMENTS).token().body()
        .produces(Resource.COMMENT).needs(Resource.SLUG, Resource.TOKEN);
    request("All Comments for Article", "GET", 7, Group.COMMENTS).token().status().items(5)
        .needs(Resource.SLUG, Resource.COMMENT);
    request("All Comments for Article without login", "GET", 7, Group.COMMENTS).status().items(5)
        .needs(Resource.SLUG, Resource.COMMENT);
    request("Delete Comment for Article", "DELETE", 0, Group.COMMENTS).token().needs(Resource.SLUG);
    request("Delete Article", "DELETE", 0, Group.ARTICLES).token().needs(Resource.SLUG);
    request("Register Celeb", "POST", 6, Group.ACCOUNT).body().produces(Resource.CELEB);
    request("Profile", "GET", 6, Group.PROFILES).token().status().needs(Resource.CELEB);
    request("Follow Profile", "POST", 7, Group.PROFILES).token().body().status().semantic(1)
        .needs(Resource.CELEB, Resource.TOKEN);
    request("Unfollow Profile", "DELETE", 7, Group.PROFILES).token().status().semantic(1)
        .needs(Resource.CELEB, Resource.TOKEN);
    request("All Tags", "GET", 3, Group.TAGS).status();
  }

  private ConduitCollection() {}

  /** A request of the collection; the chained calls say what it does, in run order. */
  private static Request request(String name, String method, int checks, Group group) {
    return new Request(name, method, checks, group);
  }

  /** One request being declared: in the collection at once, its flags set by name down the chain. */
  private static final class Request {
    private final String name;
    private final String method;
    private final int checks;
    private final Group group;
    private boolean token;
    private boolean body;
    private boolean status;
    private int items;
    private int semantic;
    private boolean filtered;
    private Resource produces;
    private Set<Resource> needs = Set.of();
    private final int index;

    private Request(String name, String method, int checks, Group group) {
      this.name = name;
      this.method = method;
      this.checks = checks;
      this.group = group;
      this.index = ENTRIES.size();
      ENTRIES.add(entry());
    }

    /** Sends the user's token. */
    private Request token() {
      token = true;
      return update();
    }

    /** Sends a JSON body. */
    private Request body() {
      body = true;
      return update();
    }

    /** Checks the response status. */
    private Request status() {
      status = true;
      return update();
    }

    /** Checks on the first list element (all fail on an empty list). */
    private Request items(int n) {
      items = n;
      return update();
    }

    /** Checks on a flag or counter that only a persisted write makes true. */
    private Request semantic(int n) {
      semantic = n;
      return update();
    }

    /** Lists filtered by a query parameter. */
    private Request filtered() {
      filtered = true;
      return update();
    }

    private Request produces(Resource r) {
      produces = r;
      return update();
    }

    private Request needs(Resource first, Resource... more) {
      needs = Set.copyOf(EnumSet.of(first, more));
      return update();
    }

    private Request update() {
      ENTRIES.set(index, entry());
      return this;
    }

    private Entry entry() {
      return new Entry(index, name, method, checks, group, token, body, status, items, semantic,
          filtered, produces, needs);
    }
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
