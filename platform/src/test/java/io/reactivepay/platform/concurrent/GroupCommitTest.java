package io.reactivepay.platform.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private static Function<List<Integer>, List<GroupCommit.Outcome<String>>> doubling(List<List<Integer>> batches) {
        return requests -> {
            batches.add(List.copyOf(requests));
            return requests.stream().<GroupCommit.Outcome<String>>map(n -> n < 0
                    ? new GroupCommit.Outcome.Refused<>(new IllegalArgumentException("negative " + n))
                    : new GroupCommit.Outcome.Done<>(String.valueOf(n * 2))).toList();
        };
    }

    @Test
    void requestsQueuedWhileABatchIsWrittenShareTheNextAndEachGetsItsOwnOutcome() throws Exception {
        CountDownLatch firstBatchRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        Function<List<Integer>, List<GroupCommit.Outcome<String>>> doubling = doubling(batches);
        ExecutorService callers = Executors.newFixedThreadPool(11);
        try (GroupCommit<Integer, String> commit = new GroupCommit<>("test", requests -> {
            if (batches.isEmpty()) {
                firstBatchRunning.countDown();
                await(release);
            }
            return doubling.apply(requests);
        }, n -> "single", Thread::new, 1, 100)) {
            Future<String> first = callers.submit(() -> commit.submit(1));
            assertTrue(firstBatchRunning.await(5, TimeUnit.SECONDS));
            List<Future<String>> queued = new ArrayList<>();
            for (int n = 2; n <= 11; n++) {
                int request = n == 7 ? -7 : n;
                queued.add(callers.submit(() -> commit.submit(request)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (commit.queued() < 10 && System.nanoTime() < deadline) {
                Thread.sleep(5); // the ten callers queue behind the held batch
            }
            release.countDown();
            assertEquals("2", first.get(5, TimeUnit.SECONDS));
            for (int i = 0; i < queued.size(); i++) {
                int n = i + 2;
                if (n == 7) {
                    ExecutionException refused = assertThrows(ExecutionException.class, () -> queued.get(5).get(5, TimeUnit.SECONDS));
                    assertEquals("negative -7", refused.getCause().getMessage());
                } else {
                    assertEquals(String.valueOf(n * 2), queued.get(i).get(5, TimeUnit.SECONDS));
                }
            }
            assertEquals(List.of(1), batches.get(0));
            assertEquals(2, batches.size(), "the ten queued requests went in one batch: " + batches);
            assertEquals(10, batches.get(1).size());
            assertEquals(2, commit.batches());
            assertEquals(11, commit.requests());
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aBatchThatFailsIsTakenOneByOneSoTheFailureReachesOnlyItsCaller() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try (GroupCommit<Integer, String> commit = new GroupCommit<>("test", requests -> {
            throw new IllegalStateException("the connection broke");
        }, n -> {
            if (n == 3) {
                throw new IllegalStateException("three fails on its own too");
            }
            return "alone " + n;
        }, Thread::new, 2, 100)) {
            List<Future<String>> answers = new ArrayList<>();
            for (int n = 0; n < 8; n++) {
                int request = n;
                answers.add(callers.submit(() -> commit.submit(request)));
            }
            for (int n = 0; n < 8; n++) {
                if (n == 3) {
                    int failing = n;
                    ExecutionException refused = assertThrows(ExecutionException.class, () -> answers.get(failing).get(5, TimeUnit.SECONDS));
                    assertEquals("three fails on its own too", refused.getCause().getMessage());
                } else {
                    assertEquals("alone " + n, answers.get(n).get(5, TimeUnit.SECONDS));
                }
            }
            assertEquals(0, commit.batches(), "no batch committed");
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aClosedGroupCommitRefusesNewRequests() {
        GroupCommit<Integer, String> commit = new GroupCommit<>("payments", doubling(new ArrayList<>()), n -> "single",
                Thread::new, 1, 10);
        assertEquals("4", commit.submit(2));
        commit.close();
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> commit.submit(3));
        assertEquals("payments is shutting down", refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GroupCommit<Integer, String>("none", doubling(new ArrayList<>()),
                n -> "", Thread::new, 0, 10));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
