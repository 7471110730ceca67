package io.quietwatch.web;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A busy pipeline: the caller stops waiting after the timeout, and the abandoned query is skipped when its turn comes. */
class EngineQueriesTest {
    @Test
    void aQueryTheBusyPipelineDoesNotReachInTimeFailsCleanlyAndIsSkippedLater() {
        List<Runnable> queued = new ArrayList<>();
        List<Object> results = new ArrayList<>();
        EngineQueries queries = new EngineQueries(null, new EngineQueries.PipelineExecutor() {
            @Override
            public <T> CompletableFuture<T> submit(Supplier<T> task) {
                CompletableFuture<T> f = new CompletableFuture<>();
                queued.add(() -> {
                    T r = task.get();
                    results.add(r);
                    f.complete(r);
                });
                return f;
            }
        }, 50);
        assertThatThrownBy(() -> queries.query("select * from UncommonPortUsage", Map.of(), 10))
                .isInstanceOf(EngineQueries.QueryException.class).hasMessageContaining("did not answer within 50 ms");
        assertThat(queries.alive(50)).isFalse();
        // the pipeline gets to the tasks: the abandoned query does no work (a null engine would throw)
        queued.forEach(Runnable::run);
        assertThat(results).containsExactly(null, Boolean.TRUE);
    }
}
