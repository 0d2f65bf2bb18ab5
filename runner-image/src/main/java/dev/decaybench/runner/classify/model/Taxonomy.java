package dev.decaybench.runner.classify.model;

import java.util.List;

/** The paper's failure taxonomy: coarse classes and the subcategories of logic errors. */
public final class Taxonomy {

  public static final String SERVER_STARTUP_FAILURE = "server_startup_failure";
  public static final String INCOMPLETE_IMPLEMENTATION = "incomplete_implementation";
  public static final String CONSTRAINT_VIOLATION = "constraint_violation";
  public static final String SCHEMA_FORMAT_ERROR = "schema_format_error";
  public static final String LOGIC_ERROR = "logic_error";
  public static final String STUCK_IN_LOOP = "stuck_in_loop";
  public static final String PREMATURE_TERMINATION = "premature_termination";
  public static final String OTHER = "other";

  public static final String AUTH = "auth_misconfiguration";
  public static final String QUERY = "incorrect_query_logic";
  public static final String STATE = "state_propagation_failure";
  public static final String DATABASE = "database_runtime_error";
  public static final String FRAMEWORK = "framework_idiosyncrasy";
  public static final String BUSINESS = "business_logic_defect";

  public static final List<String> COARSE = List.of(SERVER_STARTUP_FAILURE, INCOMPLETE_IMPLEMENTATION,
      CONSTRAINT_VIOLATION, SCHEMA_FORMAT_ERROR, LOGIC_ERROR, STUCK_IN_LOOP, PREMATURE_TERMINATION, OTHER);
  public static final List<String> SUBCATEGORIES = List.of(AUTH, QUERY, STATE, DATABASE, FRAMEWORK, BUSINESS);

  private Taxonomy() {}

  /** Data-layer defects: query composition and database/ORM runtime errors. */
  public static boolean isDataLayer(String subcategory) {
    return QUERY.equals(subcategory) || DATABASE.equals(subcategory);
  }
}
