package news.pipeline.app.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import news.pipeline.app.badinput.PipelineDriver.Output;
import news.pipeline.app.parse.ParseBudget;

/** The per-document time budget: a page that takes too long is rejected and the next one runs. */
class ParseBudgetTest {

  @Test
  void aPageOverTheTimeBudgetIsRejectedAndTheNextPageStillBecomesAnArticle(@TempDir Path state) {
    try (PipelineDriver driver = new PipelineDriver(state, Map.of("limits.parse.timeout.ms", "1"))) {
      StringBuilder slow = new StringBuilder("<html><head><title>Slow page</title></head><body>");
      for (int i = 0; i < 20_000; i++) {
        slow.append("<div class=\"c").append(i).append("\"><p>paragraph ").append(i).append(" of many words</p></div>");
      }
      driver.pipe("slow", BadInputs.avro(BadInputs.html(slow.toString())), BadInputs.FETCHED);
      Output out = driver.drain();

      assertThat(out.decisions()).isEmpty();
      assertThat(out.rejected()).singleElement().satisfies(r -> {
        assertThat(r.headers()).containsEntry("reject.stage", "limits");
        assertThat(r.reason()).contains("limits.parse.timeout.ms=1");
      });
    }
  }

  @Test
  void workOverBudgetIsAbandonedAndAFreshWorkerTakesTheNextDocument() {
    try (ParseBudget budget = new ParseBudget(Duration.ofMillis(50))) {
      ParseBudget.Outcome<String> stuck = budget.run(() -> {
        long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < until) {
          Thread.onSpinWait(); // ignores interruption, like a parser in a loop
        }
        return "late";
      });
      ParseBudget.Outcome<String> next = budget.run(() -> "on time");

      assertThat(stuck.timedOut()).isTrue();
      assertThat(next.value()).isEqualTo("on time");
    }
  }

  @Test
  void aLongWaitForWorkIsCountedApartAndAShortOneIsNot() throws Exception {
    try (ParseBudget budget = new ParseBudget(Duration.ofSeconds(5))) {
      budget.run(() -> "first");
      ParseBudget.Counters before = ParseBudget.counters();
      Thread.sleep(120);
      budget.run(() -> "after a pause");

      assertThat(ParseBudget.counters().minus(before).longIdles()).isEqualTo(1);
      assertThat(ParseBudget.counters().minus(before).longIdleNanos()).isBetween(100_000_000L, 5_000_000_000L);

      budget.run(() -> "at once");
      assertThat(ParseBudget.counters().minus(before).longIdles()).isEqualTo(1);
    }
  }

  @Test
  void theBudgetIsCpuTimeSoWaitingForACoreDoesNotUseIt() {
    // a work that sleeps uses no CPU: under a CPU budget it finishes, as a page does that only
    // waits for a core on a loaded machine; past ten times the budget in wall-clock time it is
    // abandoned all the same
    try (ParseBudget budget = new ParseBudget(Duration.ofMillis(100))) {
      ParseBudget.Outcome<String> waited = budget.run(() -> {
        Thread.sleep(300);
        return "finished";
      });
      ParseBudget.Outcome<String> hung = budget.run(() -> {
        sleepIgnoringInterrupts(Duration.ofSeconds(3));
        return "late";
      });

      assertThat(waited.timedOut()).isFalse();
      assertThat(waited.value()).isEqualTo("finished");
      assertThat(hung.timedOut()).isTrue();
    }
  }

  @Test
  void queuedWorksRunInOrderOnOneWorkerAndEachHasItsOwnBudget() throws Exception {
    long cpuBefore = ParseBudget.counters().workCpuNanos();
    try (ParseBudget budget = new ParseBudget(Duration.ofMillis(200))) {
      java.util.List<String> threads = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
      java.util.List<Integer> order = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
      java.util.List<ParseBudget.Pending<Integer>> pending = new java.util.ArrayList<>();
      for (int i = 0; i < 5; i++) {
        int n = i;
        pending.add(budget.submit(() -> {
          threads.add(Thread.currentThread().getName());
          order.add(n);
          spinCpu(Duration.ofMillis(50)); // a quarter of the budget each: five of them together would be over it
          return n;
        }));
      }
      for (int i = 0; i < 5; i++) {
        ParseBudget.Outcome<Integer> outcome = budget.await(pending.get(i));
        assertThat(outcome.timedOut()).as("work %d", i).isFalse();
        assertThat(outcome.value()).isEqualTo(i);
      }
      assertThat(order).containsExactly(0, 1, 2, 3, 4);
      assertThat(threads).hasSize(5).allMatch(name -> name.equals(threads.get(0)));
      // the works' CPU is counted for the bench: at least the first four works' 50 ms each (a work's
      // CPU is added just after its result is handed over, so the last one may not be in yet)
      assertThat(ParseBudget.counters().workCpuNanos() - cpuBefore).isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos());
    }
  }

  @Test
  void aStuckWorkIsAbandonedEvenWhenALaterWorkIsAwaitedAndTheQueueMovesOn() {
    try (ParseBudget budget = new ParseBudget(Duration.ofMillis(50))) {
      ParseBudget.Pending<String> stuck = budget.submit(() -> {
        spin(Duration.ofSeconds(2));
        return "late";
      });
      ParseBudget.Pending<String> behind = budget.submit(() -> "behind");
      ParseBudget.Pending<String> last = budget.submit(() -> "last");

      ParseBudget.Outcome<String> behindOutcome = budget.await(behind); // the stuck one is checked meanwhile

      assertThat(behindOutcome.value()).isEqualTo("behind");
      assertThat(budget.await(stuck).timedOut()).isTrue();
      assertThat(budget.await(last).value()).isEqualTo("last");
    }
  }

  @Test
  void withTwoWorkersTwoWorksRunAtOnceAndEachResultGoesToItsOwnWait() {
    try (ParseBudget budget = new ParseBudget(Duration.ofSeconds(5), 2)) {
      // each work waits until both have started: on one worker the first would wait in vain
      java.util.concurrent.CountDownLatch bothStarted = new java.util.concurrent.CountDownLatch(2);
      java.util.List<ParseBudget.Pending<String>> pending = new java.util.ArrayList<>();
      for (String name : java.util.List.of("first", "second")) {
        pending.add(budget.submit(() -> {
          bothStarted.countDown();
          boolean together = bothStarted.await(3, java.util.concurrent.TimeUnit.SECONDS);
          return name + (together ? " ran beside the other" : " ran alone") + " on " + Thread.currentThread().getName();
        }));
      }

      String first = budget.await(pending.get(0)).value();
      String second = budget.await(pending.get(1)).value();

      assertThat(first).startsWith("first ran beside the other on parse-worker-");
      assertThat(second).startsWith("second ran beside the other on parse-worker-");
      assertThat(first.substring(first.indexOf(" on "))).isNotEqualTo(second.substring(second.indexOf(" on ")));
    }
  }

  @Test
  void anAwaitBeforeTheWorkHasFinishedIsCountedWithTheWorksBesideIt() throws Exception {
    try (ParseBudget budget = new ParseBudget(Duration.ofSeconds(5), 1)) {
      java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
      ParseBudget.Pending<String> first = budget.submit(() -> {
        started.countDown();
        release.await(5, java.util.concurrent.TimeUnit.SECONDS);
        return "first";
      });
      ParseBudget.Pending<String> second = budget.submit(() -> "second");
      ParseBudget.Pending<String> third = budget.submit(() -> "third");
      assertThat(started.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      ParseBudget.Counters before = ParseBudget.counters();

      Thread releaser = new Thread(() -> {
        spin(Duration.ofMillis(300));
        release.countDown();
      });
      releaser.start();
      budget.await(first); // not finished: the two queued behind it are counted
      // the worker may or may not have run it by now; "first", finished, is not counted even while
      // its worker has not yet taken it out of the running works
      budget.await(third);
      ParseBudget.Counters counted = ParseBudget.counters().minus(before);

      assertThat(counted.unfinishedAwaits()).isBetween(1L, 2L);
      assertThat(counted.othersAtAwaits()).isBetween(2L, 3L);
      assertThat(counted.othersPerUnfinishedAwait()).isBetween(1.0, 2.0);
      assertThat(budget.await(second).value()).isEqualTo("second");
    }
  }

  @Test
  void withOneWorkerTheSameTwoWorksRunOneAfterTheOther() {
    try (ParseBudget budget = new ParseBudget(Duration.ofSeconds(5), 1)) {
      java.util.concurrent.CountDownLatch bothStarted = new java.util.concurrent.CountDownLatch(2);
      ParseBudget.Pending<Boolean> first = budget.submit(() -> {
        bothStarted.countDown();
        return bothStarted.await(200, java.util.concurrent.TimeUnit.MILLISECONDS);
      });
      ParseBudget.Pending<Boolean> second = budget.submit(() -> {
        bothStarted.countDown();
        return true;
      });

      assertThat(budget.await(first).value()).isFalse();
      assertThat(budget.await(second).value()).isTrue();
    }
  }

  @Test
  void withTwoWorkersAStuckWorkIsAbandonedAndTheOtherWorkerAndAFreshOneTakeTheQueue() {
    try (ParseBudget budget = new ParseBudget(Duration.ofMillis(50), 2)) {
      ParseBudget.Pending<String> stuck = budget.submit(() -> {
        spin(Duration.ofSeconds(2));
        return "late";
      });
      java.util.List<ParseBudget.Pending<String>> behind = new java.util.ArrayList<>();
      for (int i = 0; i < 6; i++) {
        int n = i;
        behind.add(budget.submit(() -> "behind " + n));
      }

      assertThat(budget.await(stuck).timedOut()).isTrue();
      for (int i = 0; i < 6; i++) {
        ParseBudget.Outcome<String> outcome = budget.await(behind.get(i));
        assertThat(outcome.timedOut()).as("work %d", i).isFalse();
        assertThat(outcome.value()).isEqualTo("behind " + i);
      }
    }
  }

  @Test
  void workersMustBeAtLeastOne() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ParseBudget(Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }

  /** Spins until this thread has used {@code cpu} of CPU time, however long that takes. */
  private static void spinCpu(Duration cpu) {
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long until = threads.getCurrentThreadCpuTime() + cpu.toNanos();
    while (threads.getCurrentThreadCpuTime() < until) {
      Thread.onSpinWait();
    }
  }

  @Test
  void afterCloseAWaitForAQueuedWorkEndsAsNotDone() {
    ParseBudget budget = new ParseBudget(Duration.ofSeconds(5));
    ParseBudget.Pending<String> running = budget.submit(() -> {
      spin(Duration.ofMillis(300));
      return "first";
    });
    ParseBudget.Pending<String> queued = budget.submit(() -> "second");
    budget.close();

    assertThat(budget.await(queued).timedOut()).isTrue();
    assertThat(budget.await(running).value()).isNull();
  }

  private static void spin(Duration duration) {
    long until = System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < until) {
      Thread.onSpinWait(); // ignores interruption, like a parser in a loop
    }
  }

  @Test
  void aStackOverflowInTheWorkIsAnErrorNotACrash() {
    try (ParseBudget budget = new ParseBudget(Duration.ofSeconds(30))) {
      ParseBudget.Outcome<Integer> outcome = budget.run(() -> recurse(0));

      assertThat(outcome.error()).isInstanceOf(StackOverflowError.class);
    }
  }

  private static void sleepIgnoringInterrupts(Duration duration) {
    long until = System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < until) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        // like a parser that does not check for interruption
      }
    }
  }

  private static int recurse(int n) {
    return recurse(n + 1) + 1;
  }
}
