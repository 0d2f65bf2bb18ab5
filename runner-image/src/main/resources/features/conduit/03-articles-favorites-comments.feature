@paper
Feature: One article through its life
  The signed-in user writes an article, finds it through every list, edits it,
  favourites and unfavourites it, comments on it, then deletes the comment and the article.

  Scenario: Create Article
    When "Create Article" is sent as POST "/articles" with the token and body:
      """
      {"article":{"title":"How to train your dragon", "description":"Ever wonder how?", "body":"Very carefully.", "tagList":["training", "dragons"]}}
      """
    Then the body has "article"
    And "article" has "title"
    And "article" has "slug"
    And "article.slug" is remembered as "slug"
    And "article" has "body"
    And "article" has "createdAt"
    And "article" has "updatedAt"
    And "article" has "description"
    And "article" has "tagList"
    And "article.tagList" is an array
    And "article" has "author"
    And "article" has "favorited"
    And "article" has "favoritesCount"
    And "article.favoritesCount" is an integer

  Scenario: Feed
    When "Feed" is sent as GET "/articles/feed" with the token
    Then the response code is 200
    And the body has "articles"
    And "articles" is an array
    And the body has "articlesCount"
    And "articlesCount" is an integer

  Scenario: All Articles
    When "All Articles" is sent as GET "/articles" with the token
    Then the response code is 200
    And the body has "articles"
    And "articles" is an array
    And the body has "articlesCount"
    And "articlesCount" is an integer
    And "articles[0]" has "title"
    And "articles[0]" has "slug"
    And "articles[0]" has "body"
    And "articles[0]" has "createdAt"
    And "articles[0]" has "updatedAt"
    And "articles[0]" has "description"
    And "articles[0]" has "tagList"
    And "articles[0].tagList" is an array
    And "articles[0]" has "author"
    And "articles[0]" has "favorited"
    And "articles[0]" has "favoritesCount"
    And "articles[0].favoritesCount" is an integer

  Scenario: All Articles with auth
    When "All Articles with auth" is sent as GET "/articles" with the token
    Then the response code is 200
    And the body has "articles"
    And "articles" is an array
    And the body has "articlesCount"
    And "articlesCount" is an integer
    And "articles[0]" has "title"
    And "articles[0]" has "slug"
    And "articles[0]" has "body"
    And "articles[0]" has "createdAt"
    And "articles[0]" has "updatedAt"
    And "articles[0]" has "description"
    And "articles[0]" has "tagList"
    And "articles[0].tagList" is an array
    And "articles[0]" has "author"
    And "articles[0]" has "favorited"
    And "articles[0]" has "favoritesCount"
    And "articles[0].favoritesCount" is an integer

  Scenario: Articles by Author
    When "Articles by Author" is sent as GET "/articles?author={{USERNAME}}" with the token
    Then the response code is 200
    And the body has "articles"
    And "articles" is an array
    And the body has "articlesCount"
    And "articlesCount" is an integer
    And "articles[0]" has "title"
    And "articles[0]" has "slug"
    And "articles[0]" has "body"
    And "articles[0]" has "createdAt"
    And "articles[0]" has "updatedAt"
    And "articles[0]" has "description"
    And "articles[0]" has "tagList"
    And "articles[0].tagList" is an array
    And "articles[0]" has "author"
    And "articles[0]" has "favorited"
    And "articles[0]" has "favoritesCount"
    And "articles[0].favoritesCount" is an integer

  Scenario: Articles by Author with auth
    When "Articles by Author with auth" is sent as GET "/articles?author={{USERNAME}}" with the token
    Then the response code is 200
    And the body has "articles"
    And "articles" is an array
    And the body has "articlesCount"
    And "articlesCount" is an integer
    And "articles[0]" has "title"
    And "articles[0]" has "slug"
    And "articles[0]" has "body"
    And "articles[0]" has "createdAt"
    And "articles[0]" has "updatedAt"
    And "articles[0]" has "description"
    And "articles[0]" has "tagList"
    And "articles[0].tagList" is an array
    And "articles[0]" has "author"
    And "articles[0]" has "favorited"
    And "articles[0]" has "favoritesCount"
    And "articles[0].favoritesCount" is an integer

  Scenario: Single Article by slug
    When "Single Article by slug" is sent as GET "/articles/{{slug}}" with the token
    Then the body has "article"
    And "article" has "title"
    And "article" has "slug"
    And "article" has "body"
    And "article" has "createdAt"
    And "article" has "updatedAt"
    And "article" has "description"
    And "article" has "tagList"
    And "article.tagList" is an array
    And "article" has "author"
    And "article" has "favorited"
    And "article" has "favoritesCount"
    And "article.favoritesCount" is an integer

  Scenario: Articles by Tag
    When "Articles by Tag" is sent as GET "/articles?tag=dragons" with the token
    Then the response code is 200
    And the body has "articles"
    And "articles" is an array
    And the body has "articlesCount"
    And "articlesCount" is an integer
    And "articles[0]" has "title"
    And "articles[0]" has "slug"
    And "articles[0]" has "body"
    And "articles[0]" has "createdAt"
    And "articles[0]" has "updatedAt"
    And "articles[0]" has "description"
    And "articles[0]" has "tagList"
    And "articles[0].tagList" is an array
    And "articles[0]" has "author"
    And "articles[0]" has "favorited"
    And "articles[0]" has "favoritesCount"
    And "articles[0].favoritesCount" is an integer

  Scenario: Update Article
    When "Update Article" is sent as PUT "/articles/{{slug}}" with the token and body:
      """
      {"article":{"body":"With two hands"}}
      """
    Then the body has "article"
    And "article" has "title"
    And "article" has "slug"
    And "article" has "body"
    And "article" has "createdAt"
    And "article" has "updatedAt"
    And "article" has "description"
    And "article" has "tagList"
    And "article.tagList" is an array
    And "article" has "author"
    And "article" has "favorited"
    And "article" has "favoritesCount"
    And "article.favoritesCount" is an integer

  Scenario: Favorite Article
    When "Favorite Article" is sent as POST "/articles/{{slug}}/favorite" with the token
    Then the body has "article"
    And "article" has "title"
    And "article" has "slug"
    And "article" has "body"
    And "article" has "createdAt"
    And "article" has "updatedAt"
    And "article" has "description"
    And "article" has "tagList"
    And "article.tagList" is an array
    And "article" has "author"
    And "article" has "favorited"
    And "article.favorited" is true
    And "article" has "favoritesCount"
    And "article.favoritesCount" is an integer
    And "article.favoritesCount" is greater than 0

  Scenario: Articles Favorited by Username
    When "Articles Favorited by Username" is sent as GET "/articles?favorited={{USERNAME}}" with the token
    Then the response code is 200
    And the body has "articles"
    And "articles" is an array
    And the body has "articlesCount"
    And "articlesCount" is an integer
    And "articles[0]" has "title"
    And "articles[0]" has "slug"
    And "articles[0]" has "body"
    And "articles[0]" has "createdAt"
    And "articles[0]" has "updatedAt"
    And "articles[0]" has "description"
    And "articles[0]" has "tagList"
    And "articles[0].tagList" is an array
    And "articles[0]" has "author"
    And "articles[0]" has "favorited"
    And "articles[0]" has "favoritesCount"
    And "articles[0].favoritesCount" is an integer

  Scenario: Articles Favorited by Username with auth
    When "Articles Favorited by Username with auth" is sent as GET "/articles?favorited={{USERNAME}}" with the token
    Then the response code is 200
    And the body has "articles"
    And "articles" is an array
    And the body has "articlesCount"
    And "articlesCount" is an integer
    And "articles[0]" has "title"
    And "articles[0]" has "slug"
    And "articles[0]" has "body"
    And "articles[0]" has "createdAt"
    And "articles[0]" has "updatedAt"
    And "articles[0]" has "description"
    And "articles[0]" has "tagList"
    And "articles[0].tagList" is an array
    And "articles[0]" has "author"
    And "articles[0]" has "favorited"
    And "articles[0]" has "favoritesCount"
    And "articles[0].favoritesCount" is an integer

  Scenario: Unfavorite Article
    When "Unfavorite Article" is sent as DELETE "/articles/{{slug}}/favorite" with the token
    Then the body has "article"
    And "article" has "title"
    And "article" has "slug"
    And "article" has "body"
    And "article" has "createdAt"
    And "article" has "updatedAt"
    And "article" has "description"
    And "article" has "tagList"
    And "article.tagList" is an array
    And "article" has "author"
    And "article" has "favorited"
    And "article" has "favoritesCount"
    And "article.favoritesCount" is an integer
    And "article.favorited" is false

  Scenario: Create Comment for Article
    When "Create Comment for Article" is sent as POST "/articles/{{slug}}/comments" with the token and body:
      """
      {"comment":{"body":"Thank you so much!"}}
      """
    Then the body has "comment"
    And "comment" has "id"
    And "comment.id" is remembered as "commentId"
    And "comment" has "body"
    And "comment" has "createdAt"
    And "comment" has "updatedAt"
    And "comment" has "author"

  Scenario: All Comments for Article
    When "All Comments for Article" is sent as GET "/articles/{{slug}}/comments" with the token
    Then the response code is 200
    And the body has "comments"
    And "comments[0]" has "id"
    And "comments[0]" has "body"
    And "comments[0]" has "createdAt"
    And "comments[0]" has "updatedAt"
    And "comments[0]" has "author"

  Scenario: All Comments for Article without login
    When "All Comments for Article without login" is sent as GET "/articles/{{slug}}/comments"
    Then the response code is 200
    And the body has "comments"
    And "comments[0]" has "id"
    And "comments[0]" has "body"
    And "comments[0]" has "createdAt"
    And "comments[0]" has "updatedAt"
    And "comments[0]" has "author"

  # clean-up requests: sent and timed, nothing checked
  Scenario: Delete Comment for Article
    When "Delete Comment for Article" is sent as DELETE "/articles/{{slug}}/comments/{{commentId}}" with the token

  Scenario: Delete Article
    When "Delete Article" is sent as DELETE "/articles/{{slug}}" with the token
