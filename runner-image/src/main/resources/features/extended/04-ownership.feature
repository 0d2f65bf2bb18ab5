@extended
Feature: Ownership of articles and comments
  Only the author may change or delete an article or a comment.

  Scenario: alice comments on her article
    When "alice comments on her article" is sent as POST "/articles/{{slug_a2}}/comments" with the token of "alice" and body:
      """
      {"comment":{"body":"A note from the author {{RUN}}"}}
      """
    Then the response code is 200
    And "comment.author.username" equals "alice{{RUN}}"
    And "comment.id" is remembered as "comment_alice"

  Scenario: bob edits alice's article
    When "bob edits alice's article" is sent as PUT "/articles/{{slug_a2}}" with the token of "bob" and body:
      """
      {"article":{"body":"defaced"}}
      """
    Then the response code is 403

  Scenario: bob deletes alice's article
    When "bob deletes alice's article" is sent as DELETE "/articles/{{slug_a2}}" with the token of "bob"
    Then the response code is 403

  Scenario: bob deletes alice's comment
    When "bob deletes alice's comment" is sent as DELETE "/articles/{{slug_a2}}/comments/{{comment_alice}}" with the token of "bob"
    Then the response code is 403

  Scenario: The article survived bob
    When "The article survived bob" is sent as GET "/articles/{{slug_a2}}/comments"
    Then the response code is 200
    And "comments" has 1 element

  Scenario: Comment on an unknown article
    When "Comment on an unknown article" is sent as POST "/articles/no-such-article-{{RUN}}/comments" with the token of "alice" and body:
      """
      {"comment":{"body":"lost"}}
      """
    Then the response code is 404

  Scenario: Comment without a token
    When "Comment without a token" is sent as POST "/articles/{{slug_a2}}/comments" with body:
      """
      {"comment":{"body":"anonymous"}}
      """
    Then the response code is 401

  Scenario: Update with a non-JSON article
    When "Update with a non-JSON article" is sent as PUT "/articles/{{slug_a2}}" with the token of "alice" and body:
      """
      {"article": "not an object"}
      """
    Then the response code is 422
    And "errors.body" is a non-empty array
