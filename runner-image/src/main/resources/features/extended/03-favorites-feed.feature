@extended
Feature: Favourites, follows and the feed
  Favouriting and unfavouriting twice is idempotent; the favorited filter and the feed show
  exactly the right articles.

  Scenario: bob favourites alice's first article
    When "bob favourites alice's first article" is sent as POST "/articles/{{slug_a1}}/favorite" with the token of "bob"
    Then the response code is 200
    And "article.favorited" is true
    And "article.favoritesCount" equals 1

  Scenario: bob favourites it again
    When "bob favourites it again" is sent as POST "/articles/{{slug_a1}}/favorite" with the token of "bob"
    Then the response code is 200
    And "article.favorited" is true
    And "article.favoritesCount" equals 1

  Scenario: Articles favourited by bob
    When "Articles favourited by bob" is sent as GET "/articles?favorited=bob{{RUN}}" with the token of "bob"
    Then the response code is 200
    And "articlesCount" equals 1
    And "articles" has 1 element
    And "articles[0].slug" equals "{{slug_a1}}"
    And "articles[0].favorited" is true

  Scenario: Articles favourited by carol
    When "Articles favourited by carol" is sent as GET "/articles?favorited=carol{{RUN}}"
    Then the response code is 200
    And "articlesCount" equals 0
    And "articles" has 0 elements

  Scenario: The article seen by carol is not favourited
    When "The article seen by carol is not favourited" is sent as GET "/articles/{{slug_a1}}" with the token of "carol"
    Then the response code is 200
    And "article.favorited" is false
    And "article.favoritesCount" equals 1

  Scenario: bob unfavourites alice's first article
    When "bob unfavourites alice's first article" is sent as DELETE "/articles/{{slug_a1}}/favorite" with the token of "bob"
    Then the response code is 200
    And "article.favorited" is false
    And "article.favoritesCount" equals 0

  Scenario: bob unfavourites it again
    When "bob unfavourites it again" is sent as DELETE "/articles/{{slug_a1}}/favorite" with the token of "bob"
    Then the response code is 200
    And "article.favoritesCount" equals 0

  Scenario: carol follows alice
    When "carol follows alice" is sent as POST "/profiles/alice{{RUN}}/follow" with the token of "carol"
    Then the response code is 200
    And "profile.following" is true

  Scenario: carol follows bob
    When "carol follows bob" is sent as POST "/profiles/bob{{RUN}}/follow" with the token of "carol"
    Then the response code is 200

  Scenario: carol's feed
    When "carol's feed" is sent as GET "/articles/feed" with the token of "carol"
    Then the response code is 200
    And "articlesCount" equals 4
    And "articles[0].slug" equals "{{slug_b1}}"
    And "articles[1].slug" equals "{{slug_a3}}"

  Scenario: carol unfollows bob
    When "carol unfollows bob" is sent as DELETE "/profiles/bob{{RUN}}/follow" with the token of "carol"
    Then the response code is 200
    And "profile.following" is false

  Scenario: carol's feed without bob
    When "carol's feed without bob" is sent as GET "/articles/feed" with the token of "carol"
    Then the response code is 200
    And "articlesCount" equals 3
    And every element of "articles" has "author.username" equal to "alice{{RUN}}"

  Scenario: Feed without a token
    When "Feed without a token" is sent as GET "/articles/feed"
    Then the response code is 401

  Scenario: bob's profile seen by carol
    When "bob's profile seen by carol" is sent as GET "/profiles/bob{{RUN}}" with the token of "carol"
    Then the response code is 200
    And "profile.following" is false
