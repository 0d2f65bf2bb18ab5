package dev.decaybench.operator.status;

import dev.decaybench.model.v1alpha1.Condition;
import dev.decaybench.model.v1alpha1.Conditions;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationRunStatus;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.RunPhase;
import dev.decaybench.model.v1alpha1.TrialCounts;
import dev.decaybench.model.v1alpha1.TrialPhase;
import dev.decaybench.operator.plan.TrialNames;
import dev.decaybench.operator.status.RunStatusUpdate.Transition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every stage transition of a run in one place: counts, phase (only forward, through
 * {@link RunPhase#canMoveTo}), the Accepted / Progressing / Complete / Degraded conditions and
 * the events that go with their changes. Pure: the same observation gives the same status.
 */
public final class RunStatusCalculator {

  /**
   * The next status. Transitions are computed from {@code base} (the newest status known: the
   * one last written, else the cached one); whether anything must be written, from
   * {@code current} (what the API server is known to have).
   */
  public RunStatusUpdate next(RunObservation obs, EvaluationRunStatus base,
      EvaluationRunStatus current) {
    EvaluationRun run = obs.run();
    EvaluationRunStatus old = base == null ? new EvaluationRunStatus() : base;
    EvaluationRunStatus cur = current == null ? new EvaluationRunStatus() : current;
    EvaluationRunStatus s = copy(old);
    Long generation = run.getMetadata().getGeneration();
    Instant now = obs.now();
    List<Transition> events = new ArrayList<>();

    TrialCounts counts = counts(obs);
    s.setObservedGeneration(generation);
    s.setTrials(counts);
    s.setProgress(counts.progress());

    RunPhase phase = old.getPhase() == null ? RunPhase.PENDING : old.getPhase();
    Reason phaseReason = null;
    RunPhase next = phase;
    if (!phase.isTerminal()) {
      if (run.getSpec() != null && run.getSpec().isCancelRequested()) {
        next = RunPhase.CANCELLED;
        phaseReason = Reason.RunCancelled;
      } else if (timedOut(run, old, now)) {
        next = RunPhase.FAILED;
        phaseReason = Reason.RunTimedOut;
      } else if (obs.plan() != null && counts.getTotal() > 0
          && counts.done() == counts.getTotal()) {
        next = counts.getEvaluated() > 0 ? RunPhase.SUCCEEDED : RunPhase.FAILED;
        phaseReason = counts.getEvaluated() > 0 ? Reason.AllTrialsFinished
            : Reason.NoTrialEvaluated;
      } else if (!obs.trials().isEmpty()) {
        next = RunPhase.RUNNING;
      }
    }
    if (phase == RunPhase.PENDING && next.isTerminal() && !phase.canMoveTo(next)) {
      phase = move(s, phase, RunPhase.RUNNING, null, counts, now, events); // Pending -> Running -> end
    }
    if (phase.canMoveTo(next)) {
      phase = move(s, phase, next, phaseReason, counts, now, events);
    } else if (s.getPhase() == null) {
      s.setPhase(phase);
    }

    setConditions(s, obs, phase, phaseReason, counts, generation, events);
    boolean urgent = !Objects.equals(cur.getPhase(), s.getPhase())
        || !Objects.equals(cur.getObservedGeneration(), s.getObservedGeneration())
        || !conditionStates(cur).equals(conditionStates(s));
    boolean changed = urgent || !json(cur).equals(json(s));
    return new RunStatusUpdate(s, changed, urgent, events);
  }

  private static RunPhase move(EvaluationRunStatus s, RunPhase from, RunPhase to, Reason reason,
      TrialCounts counts, Instant now, List<Transition> events) {
    if (from == RunPhase.PENDING) {
      s.setStartTime(Conditions.timestamp(now));
      events.add(new Transition(false, Reason.Started, "first trials started ("
          + counts.getTotal() + " planned)"));
    }
    s.setPhase(to);
    if (to.isTerminal()) {
      s.setCompletionTime(Conditions.timestamp(now));
      events.add(new Transition(to == RunPhase.FAILED, // a cancel is the user's wish
          to == RunPhase.SUCCEEDED ? Reason.Completed : reason,
          completionMessage(to, reason, counts)));
    }
    return to;
  }

  /** Trial counts: planned, not started, running, evaluated, failed, extra attempts. */
  public static TrialCounts counts(RunObservation obs) {
    int evaluated = 0;
    int failed = 0;
    int running = 0;
    int retried = 0;
    for (EvaluationTrial t : obs.trials()) {
      TrialPhase p = t.getStatus() == null ? null : t.getStatus().getPhase();
      if (p == TrialPhase.EVALUATED) {
        evaluated++;
      } else if (p == TrialPhase.FAILED) {
        failed++;
      } else {
        running++;
      }
      retried += TrialNames.attempt(t);
    }
    int total = obs.plan() != null ? Math.max(obs.plan().size(), obs.trials().size())
        : obs.trials().size();
    return new TrialCounts(total, total - evaluated - failed - running, running, evaluated,
        failed, retried);
  }

  private void setConditions(EvaluationRunStatus s, RunObservation obs, RunPhase phase,
      Reason phaseReason, TrialCounts counts, Long gen, List<Transition> events) {
    List<Condition> c = s.getConditions();
    Instant now = obs.now();
    boolean wasAccepted = Conditions.isTrue(c, Condition.ACCEPTED);
    String oldAcceptReason = Conditions.find(c, Condition.ACCEPTED).map(Condition::getReason)
        .orElse(null);
    if (obs.accepted()) {
      Conditions.set(c, Condition.ACCEPTED, Condition.TRUE, Reason.Valid.name(),
          "the spec is valid", gen, now);
    } else {
      String message = String.join("; ", obs.problems());
      Conditions.set(c, Condition.ACCEPTED, Condition.FALSE, obs.problemReason().name(), message,
          gen, now);
      if (wasAccepted || !obs.problemReason().name().equals(oldAcceptReason)) {
        events.add(new Transition(true, obs.problemReason(), message));
      }
    }

    Reason progress;
    String progressMessage;
    boolean progressing = false;
    if (phase.isTerminal()) {
      progress = phaseReason != null ? phaseReason : Conditions.find(c, Condition.COMPLETE)
          .map(x -> reasonOf(x.getReason())).orElse(Reason.AllTrialsFinished);
      progressMessage = "the run is " + phase.value();
    } else if (!obs.accepted()) {
      progress = obs.problemReason();
      progressMessage = "no trial starts until the spec is valid";
    } else if (obs.run().getSpec().isSuspended()) {
      progress = Reason.Suspended;
      progressMessage = "spec.suspend is true: no new trial starts, running trials finish";
    } else if (obs.unconfined() != null) {
      progress = Reason.NetworkPolicyMissing;
      progressMessage = obs.unconfined();
      if (!Conditions.find(c, Condition.PROGRESSING).map(Condition::getReason)
          .filter(progress.name()::equals).isPresent()) {
        events.add(new Transition(true, progress, progressMessage));
      }
    } else if (counts.getRunning() > 0) {
      progress = Reason.TrialsRunning;
      progressMessage = "trials are running";
      progressing = true;
    } else {
      progress = counts.getPending() > 0 ? Reason.WaitingForSlots : Reason.Scheduling;
      progressMessage = "waiting for a free trial slot";
      progressing = true;
    }
    Conditions.set(c, Condition.PROGRESSING, progressing ? Condition.TRUE : Condition.FALSE,
        progress.name(), progressMessage, gen, now);
    Conditions.set(c, Condition.COMPLETE, phase.isTerminal() ? Condition.TRUE : Condition.FALSE,
        progress.name(), phase.isTerminal() ? completionMessage(phase, progress, counts)
            : counts.progress() + " trials finished", gen, now);

    boolean wasDegraded = Conditions.isTrue(c, Condition.DEGRADED);
    if (counts.getFailed() > 0 || counts.getRetried() > 0) {
      Reason why = counts.getFailed() > 0 ? Reason.TrialsFailed : Reason.TrialsRetried;
      String message = counts.getFailed() + " trials failed without a result, "
          + counts.getRetried() + " extra attempts after infrastructure failures";
      Conditions.set(c, Condition.DEGRADED, Condition.TRUE, why.name(), message, gen, now);
      if (!wasDegraded) {
        events.add(new Transition(true, why, message));
      }
    } else {
      Conditions.set(c, Condition.DEGRADED, Condition.FALSE, Reason.AsExpected.name(),
          "no trial failed or was retried", gen, now);
    }
  }

  private static String completionMessage(RunPhase phase, Reason reason, TrialCounts counts) {
    String done = counts.getEvaluated() + " of " + counts.getTotal() + " trials evaluated, "
        + counts.getFailed() + " failed";
    if (reason == Reason.RunTimedOut) {
      return "the run exceeded spec.timeouts.runSeconds: " + done;
    }
    if (reason == Reason.RunCancelled) {
      return "the run was cancelled (spec.cancel): " + done;
    }
    return "the run " + phase.value().toLowerCase() + ": " + done;
  }

  /** True when the run started longer ago than spec.timeouts.runSeconds. */
  public static boolean timedOut(EvaluationRun run, EvaluationRunStatus status, Instant now) {
    Instant deadline = deadline(run, status);
    return deadline != null && !now.isBefore(deadline);
  }

  /** When the run times out: its start plus spec.timeouts.runSeconds; null without either. */
  public static Instant deadline(EvaluationRun run, EvaluationRunStatus st) {
    if (st == null || st.getStartTime() == null || run.getSpec().getTimeouts() == null
        || run.getSpec().getTimeouts().getRunSeconds() == null) {
      return null;
    }
    return Instant.parse(st.getStartTime())
        .plusSeconds(run.getSpec().getTimeouts().getRunSeconds());
  }

  private static Reason reasonOf(String name) {
    for (Reason r : Reason.values()) {
      if (r.name().equals(name)) {
        return r;
      }
    }
    return Reason.AllTrialsFinished;
  }

  private static List<String> conditionStates(EvaluationRunStatus s) {
    return s.getConditions().stream()
        .map(c -> c.getType() + "=" + c.getStatus() + "/" + c.getReason()).sorted().toList();
  }

  public static EvaluationRunStatus copy(EvaluationRunStatus s) {
    return Serialization.unmarshal(Serialization.asJson(s), EvaluationRunStatus.class);
  }

  private static String json(EvaluationRunStatus s) {
    EvaluationRunStatus c = copy(s);
    c.setSummary(null);
    return Serialization.asJson(c);
  }
}
