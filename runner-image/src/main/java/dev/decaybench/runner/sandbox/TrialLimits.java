package dev.decaybench.runner.sandbox;

/**
 * What one trial's processes (set-up, app and its PostgreSQL) may use together: memory (tmpfs
 * writes to the scratch count too), processes, CPUs and the size of any one file.
 */
public record TrialLimits(long memoryBytes, int processes, double cpus, long fileSizeBytes) {

  public static final TrialLimits DEFAULT = new TrialLimits(4L << 30, 1024, 0, 1L << 30);

  /**
   * Reads {@code DECAYBENCH_TRIAL_MEMORY_MB}, {@code _PIDS}, {@code _CPUS}, {@code _FILE_MB} from
   * the environment (a system property of the same name wins, for embedding and tests).
   */
  public static TrialLimits fromEnvironment() {
    return new TrialLimits(
        mb("DECAYBENCH_TRIAL_MEMORY_MB", DEFAULT.memoryBytes),
        (int) number("DECAYBENCH_TRIAL_PIDS", DEFAULT.processes),
        number("DECAYBENCH_TRIAL_CPUS", DEFAULT.cpus),
        mb("DECAYBENCH_TRIAL_FILE_MB", DEFAULT.fileSizeBytes));
  }

  public String describe() {
    return "memory " + (memoryBytes >> 20) + " MiB, " + processes + " processes, "
        + (cpus > 0 ? cpus + " CPUs" : "CPUs unlimited") + ", files up to " + (fileSizeBytes >> 20) + " MiB";
  }

  private static long mb(String name, long fallback) {
    double v = number(name, -1);
    return v > 0 ? (long) (v * (1 << 20)) : fallback;
  }

  private static double number(String name, double fallback) {
    String v = System.getProperty(name, System.getenv(name));
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Double.parseDouble(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + "=" + v + " is not a number");
    }
  }
}
