package dev.decaybench.runner.verify;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What the app left behind after the suites ran, captured inside the sandbox before PostgreSQL
 * stops: its tables in the trial's {@code conduit} database, where the values the suites sent
 * (user names, article titles) were found, and the SQLite files it wrote in its workspace.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatabaseFootprint(
    List<String> tables,
    Map<String, String> markersFound,
    List<String> markersMissing,
    List<String> sqliteFilesWritten,
    String error) {}
