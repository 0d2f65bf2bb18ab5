@paper
Feature: Tags

  Scenario: All Tags
    When "All Tags" is sent as GET "/tags"
    Then the response code is 200
    And the body has "tags"
    And "tags" is an array
