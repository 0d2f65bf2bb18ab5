@paper
Feature: Article lists before any article exists
  Anonymous list queries answer with an empty but well-formed page.

  Scenario: All Articles
    When "All Articles" is sent as GET "/articles"
    Then the response code is 200
    And the body has "articles"
    And "articles" is an array
    And the body has "articlesCount"
    And "articlesCount" is an integer

  Scenario: Articles by Author
    When "Articles by Author" is sent as GET "/articles?author=johnjacob"
    Then the response code is 200
    And the body has "articles"
    And "articles" is an array
    And the body has "articlesCount"
    And "articlesCount" is an integer

  Scenario: Articles Favorited by Username
    When "Articles Favorited by Username" is sent as GET "/articles?favorited={{USERNAME}}"
    Then the response code is 200
    And the body has "articles"
    And "articles" is an array
    And the body has "articlesCount"
    And "articlesCount" is an integer

  Scenario: Articles by Tag
    When "Articles by Tag" is sent as GET "/articles?tag=dragons"
    Then the response code is 200
    And the body has "articles"
    And "articles" is an array
    And the body has "articlesCount"
    And "articlesCount" is an integer
