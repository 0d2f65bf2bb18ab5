package dev.decaybench.runner.suite;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Postman collection's name for a check of the paper's suite, from decaybench's wording.
 * The steps word checks by path ({@code articles[0] has "title" property}); the collection by
 * object ({@code Article has "title" property}), with a few one-off wordings kept verbatim so a
 * Newman report and result.json match name for name.
 */
final class CollectionWording {

  /** The collection's one-off wordings (its quotes vary; they are copied as they are). */
  private static final Map<String, String> ONE_OFF = Map.of(
      "Response code is 200", "Response code is 200 OK",
      "tags is an array", "\"tags\" property returned as array",
      "article.favorited is true", "Article's 'favorited' property is true",
      "article.favoritesCount is greater than 0", "Article's 'favoritesCount' property is greater than 0");

  private static final Pattern HAS = Pattern.compile("^(\\w+?)s?(?:\\[0])? has (\"\\w+\" property)$");
  private static final Pattern PATH_IS = Pattern.compile("^(\\w+?)s?(?:\\[0])?\\.(\\w+) is (.+)$");

  private CollectionWording() {}

  static String of(String wording) {
    String oneOff = ONE_OFF.get(wording);
    if (oneOff != null) {
      return oneOff;
    }
    Matcher has = HAS.matcher(wording);
    if (has.matches()) {
      return noun(has.group(1)) + " has " + has.group(2);
    }
    Matcher is = PATH_IS.matcher(wording);
    if (is.matches()) {
      if (is.group(2).equals("favoritesCount") && is.group(3).equals("an integer")) {
        return "favoritesCount is an integer"; // the collection names this one without its object
      }
      String what = is.group(3).equals("an array") ? "an Array" : is.group(3);
      return noun(is.group(1)) + "'s \"" + is.group(2) + "\" property is " + what;
    }
    return wording;
  }

  private static String noun(String object) {
    return Character.toUpperCase(object.charAt(0)) + object.substring(1);
  }
}
