@extended
Feature: Accounts, beyond the paper
  Three fresh users (alice, bob, carol) register; the status codes and error bodies the
  contract states are checked, not just the presence of properties.

  Scenario: Register alice
    When "Register alice" is sent as POST "/users" with body:
      """
      {"user":{"email":"alice{{RUN}}@decaybench.dev", "password":"{{PASSWORD}}", "username":"alice{{RUN}}"}}
      """
    Then the response code is 201
    And "user.username" equals "alice{{RUN}}"
    And "user.email" equals "alice{{RUN}}@decaybench.dev"
    And "user.token" is remembered as "token_alice"

  Scenario: Register bob
    When "Register bob" is sent as POST "/users" with body:
      """
      {"user":{"email":"bob{{RUN}}@decaybench.dev", "password":"{{PASSWORD}}", "username":"bob{{RUN}}"}}
      """
    Then the response code is 201
    And "user.token" is remembered as "token_bob"

  Scenario: Register carol
    When "Register carol" is sent as POST "/users" with body:
      """
      {"user":{"email":"carol{{RUN}}@decaybench.dev", "password":"{{PASSWORD}}", "username":"carol{{RUN}}"}}
      """
    Then the response code is 201
    And "user.token" is remembered as "token_carol"

  Scenario: Register with a taken username
    When "Register with a taken username" is sent as POST "/users" with body:
      """
      {"user":{"email":"other{{RUN}}@decaybench.dev", "password":"{{PASSWORD}}", "username":"alice{{RUN}}"}}
      """
    Then the response code is 422
    And "errors.body" is a non-empty array

  Scenario: Register without a password
    When "Register without a password" is sent as POST "/users" with body:
      """
      {"user":{"email":"nopw{{RUN}}@decaybench.dev", "username":"nopw{{RUN}}"}}
      """
    Then the response code is 422
    And "errors.body" is a non-empty array

  Scenario: Login with a wrong password
    When "Login with a wrong password" is sent as POST "/users/login" with body:
      """
      {"user":{"email":"alice{{RUN}}@decaybench.dev", "password":"not-the-password"}}
      """
    Then the response code is 401

  Scenario: Current user without a token
    When "Current user without a token" is sent as GET "/user"
    Then the response code is 401

  Scenario: Current user as bob
    When "Current user as bob" is sent as GET "/user" with the token of "bob"
    Then the response code is 200
    And "user.username" equals "bob{{RUN}}"

  Scenario: Unknown profile
    When "Unknown profile" is sent as GET "/profiles/nobody{{RUN}}"
    Then the response code is 404
