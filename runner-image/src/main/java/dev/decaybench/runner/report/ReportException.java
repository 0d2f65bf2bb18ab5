package dev.decaybench.runner.report;

/** A run directory that cannot be read or reported; the message is shown to the user as is. */
public class ReportException extends RuntimeException {

  public ReportException(String message) {
    super(message);
  }

  public ReportException(String message, Throwable cause) {
    super(message, cause);
  }
}
