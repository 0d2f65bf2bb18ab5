@paper
Feature: Profiles
  A second account (the celebrity) is registered; the first user views, follows and unfollows it.

  Scenario: Register Celeb
    When "Register Celeb" is sent as POST "/users" with body:
      """
      {"user":{"email":"celeb_{{EMAIL}}", "password":"{{PASSWORD}}", "username":"celeb_{{USERNAME}}"}}
      """
    Then the body has "user"
    And "user" has "email"
    And "user" has "username"
    And "user" has "bio"
    And "user" has "image"
    And "user" has "token"

  Scenario: Profile
    When "Profile" is sent as GET "/profiles/celeb_{{USERNAME}}" with the token
    Then the response code is 200
    And the body has "profile"
    And "profile" has "username"
    And "profile" has "bio"
    And "profile" has "image"
    And "profile" has "following"

  Scenario: Follow Profile
    When "Follow Profile" is sent as POST "/profiles/celeb_{{USERNAME}}/follow" with the token and body:
      """
      {"user":{"email":"{{EMAIL}}"}}
      """
    Then the response code is 200
    And the body has "profile"
    And "profile" has "username"
    And "profile" has "bio"
    And "profile" has "image"
    And "profile" has "following"
    And "profile.following" is true

  Scenario: Unfollow Profile
    When "Unfollow Profile" is sent as DELETE "/profiles/celeb_{{USERNAME}}/follow" with the token
    Then the response code is 200
    And the body has "profile"
    And "profile" has "username"
    And "profile" has "bio"
    And "profile" has "image"
    And "profile" has "following"
    And "profile.following" is false
