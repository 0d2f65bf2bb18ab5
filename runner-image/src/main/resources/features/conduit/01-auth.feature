@paper
Feature: Accounts
  A new account is registered, signs in, reads and updates itself.
  The token from the second sign-in authenticates everything that follows.

  Scenario: Register
    When "Register" is sent as POST "/users" with body:
      """
      {"user":{"email":"{{EMAIL}}", "password":"{{PASSWORD}}", "username":"{{USERNAME}}"}}
      """
    Then the body has "user"
    And "user" has "email"
    And "user" has "username"
    And "user" has "bio"
    And "user" has "image"
    And "user" has "token"

  Scenario: Login
    When "Login" is sent as POST "/users/login" with body:
      """
      {"user":{"email":"{{EMAIL}}", "password":"{{PASSWORD}}"}}
      """
    Then the body has "user"
    And "user" has "email"
    And "user" has "username"
    And "user" has "bio"
    And "user" has "image"
    And "user" has "token"

  Scenario: Login and Remember Token
    When "Login and Remember Token" is sent as POST "/users/login" with body:
      """
      {"user":{"email":"{{EMAIL}}", "password":"{{PASSWORD}}"}}
      """
    Then the body has "user"
    And "user" has "email"
    And "user" has "username"
    And "user" has "bio"
    And "user" has "image"
    And "user" has "token"
    And the token from "user.token" is remembered

  Scenario: Current User
    When "Current User" is sent as GET "/user" with the token
    Then the body has "user"
    And "user" has "email"
    And "user" has "username"
    And "user" has "bio"
    And "user" has "image"

  Scenario: Update User
    When "Update User" is sent as PUT "/user" with the token and body:
      """
      {"user":{"email":"{{EMAIL}}"}}
      """
    Then the body has "user"
    And "user" has "email"
    And "user" has "username"
    And "user" has "bio"
    And "user" has "image"
