@extended
Feature: Several articles, pagination and filters
  alice writes three articles and bob one, with two run-unique tags; lists must really filter,
  count the whole match in articlesCount, page with limit/offset and put the newest first.

  Scenario: Create an article without a token
    When "Create an article without a token" is sent as POST "/articles" with body:
      """
      {"article":{"title":"Anonymous {{RUN}}", "description":"d", "body":"b", "tagList":[]}}
      """
    Then the response code is 401

  Scenario: Create an article without a title
    When "Create an article without a title" is sent as POST "/articles" with the token of "alice" and body:
      """
      {"article":{"description":"d", "body":"b", "tagList":[]}}
      """
    Then the response code is 422
    And "errors.body" is a non-empty array

  Scenario: alice writes her first article
    When "alice writes her first article" is sent as POST "/articles" with the token of "alice" and body:
      """
      {"article":{"title":"First of alice {{RUN}}", "description":"one", "body":"one", "tagList":["red{{RUN}}"]}}
      """
    Then the response code is 201
    And "article.author.username" equals "alice{{RUN}}"
    And "article.slug" is remembered as "slug_a1"

  Scenario: alice writes her second article
    When "alice writes her second article" is sent as POST "/articles" with the token of "alice" and body:
      """
      {"article":{"title":"Second of alice {{RUN}}", "description":"two", "body":"two", "tagList":["red{{RUN}}", "blue{{RUN}}"]}}
      """
    Then the response code is 201
    And "article.tagList" contains "blue{{RUN}}"
    And "article.slug" is remembered as "slug_a2"

  Scenario: alice writes her third article
    When "alice writes her third article" is sent as POST "/articles" with the token of "alice" and body:
      """
      {"article":{"title":"Third of alice {{RUN}}", "description":"three", "body":"three", "tagList":["blue{{RUN}}"]}}
      """
    Then the response code is 201
    And "article.slug" is remembered as "slug_a3"

  Scenario: bob writes an article
    When "bob writes an article" is sent as POST "/articles" with the token of "bob" and body:
      """
      {"article":{"title":"Only one of bob {{RUN}}", "description":"b", "body":"b", "tagList":["red{{RUN}}"]}}
      """
    Then the response code is 201
    And "article.slug" is remembered as "slug_b1"

  Scenario: Articles by alice, newest first
    When "Articles by alice, newest first" is sent as GET "/articles?author=alice{{RUN}}"
    Then the response code is 200
    And "articlesCount" equals 3
    And "articles" has 3 elements
    And "articles[0].slug" equals "{{slug_a3}}"
    And "articles[2].slug" equals "{{slug_a1}}"
    And every element of "articles" has "author.username" equal to "alice{{RUN}}"

  Scenario: First page of alice's articles
    When "First page of alice's articles" is sent as GET "/articles?author=alice{{RUN}}&limit=2"
    Then the response code is 200
    And "articles" has 2 elements
    And "articlesCount" equals 3
    And "articles[0].slug" equals "{{slug_a3}}"

  Scenario: Second page of alice's articles
    When "Second page of alice's articles" is sent as GET "/articles?author=alice{{RUN}}&limit=2&offset=2"
    Then the response code is 200
    And "articles" has 1 element
    And "articles[0].slug" equals "{{slug_a1}}"

  Scenario: Articles tagged blue
    When "Articles tagged blue" is sent as GET "/articles?tag=blue{{RUN}}"
    Then the response code is 200
    And "articlesCount" equals 2
    And "articles" has 2 elements
    And every element of "articles" has "tagList" containing "blue{{RUN}}"

  Scenario: Articles tagged red
    When "Articles tagged red" is sent as GET "/articles?tag=red{{RUN}}"
    Then the response code is 200
    And "articlesCount" equals 3
    And every element of "articles" has "tagList" containing "red{{RUN}}"

  Scenario: Articles tagged red by bob
    When "Articles tagged red by bob" is sent as GET "/articles?tag=red{{RUN}}&author=bob{{RUN}}"
    Then the response code is 200
    And "articles" has 1 element
    And "articles[0].slug" equals "{{slug_b1}}"

  Scenario: Unknown article
    When "Unknown article" is sent as GET "/articles/no-such-article-{{RUN}}"
    Then the response code is 404

  Scenario: Tags include the new ones
    When "Tags include the new ones" is sent as GET "/tags"
    Then the response code is 200
    And "tags" contains "red{{RUN}}"
    And "tags" contains "blue{{RUN}}"
