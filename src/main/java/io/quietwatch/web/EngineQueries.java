package io.quietwatch.web;

import com.espertech.esper.common.client.EPCompiled;
import com.espertech.esper.common.client.EventBean;
import com.espertech.esper.common.client.fireandforget.EPFireAndForgetPreparedQueryParameterized;
import io.quietwatch.engine.RuleEngine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * On-demand (fire-and-forget) queries of the rules' public tables for the panels. The engine is
 * single-threaded, so every query is compiled and run on the pipeline thread, between two events. A
 * query is compiled once and kept until the deployments change (a rule reload), it returns at most a
 * bounded number of rows, and a caller waits at most a set time for the pipeline to get to it.
 */
public final class EngineQueries {
    /** Runs a task on the pipeline thread ({@code Pipeline::submit}). */
    @FunctionalInterface
    public interface PipelineExecutor {
        <T> CompletableFuture<T> submit(Supplier<T> task);
    }

    /** A query that could not give rows; the message says why in words for the panel. */
    public static final class QueryException extends Exception {
        public QueryException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final RuleEngine engine;
    private final PipelineExecutor pipeline;
    private final long timeoutMillis;

    public EngineQueries(RuleEngine engine, PipelineExecutor pipeline, long timeoutMillis) {
        this.engine = engine;
        this.pipeline = pipeline;
        this.timeoutMillis = timeoutMillis;
    }

    /** The rows and the engine time they were read at. */
    public record Rows(long engineTime, List<Map<String, Object>> rows) {
        /**
         * The first {@code n} rows in {@code order}. Grouped queries are ordered here: Esper 9 fails to generate
         * code for a fire-and-forget query with both {@code group by} and an aggregate {@code order by}.
         */
        public List<Map<String, Object>> top(java.util.Comparator<Map<String, Object>> order, int n) {
            return rows.stream().sorted(order).limit(n).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        }
    }

    /** A numeric column of a row as a long (0 when null), for ordering. */
    public static long number(Map<String, Object> row, String column) {
        return row.get(column) instanceof Number n ? n.longValue() : 0L;
    }

    /**
     * Runs {@code epl} with its named parameters ({@code ?:name:type}) and returns at most {@code maxRows} rows,
     * each a map of column to value.
     */
    public Rows query(String epl, Map<String, Object> params, int maxRows) throws QueryException {
        AtomicBoolean abandoned = new AtomicBoolean();
        CompletableFuture<Rows> f = pipeline.submit(() -> abandoned.get() ? null : run(epl, params, maxRows));
        try {
            return f.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abandoned.set(true);
            throw new QueryException("the engine did not answer within " + timeoutMillis + " ms (busy?)", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw new QueryException(c instanceof IllegalArgumentException ? c.getMessage() : "the query failed: " + c, c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryException("interrupted", e);
        }
    }

    /** Whether the pipeline thread runs a task within {@code millis} (it is alive and not stuck). */
    public boolean alive(long millis) {
        try {
            pipeline.submit(() -> Boolean.TRUE).get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Queries the engine has compiled so far. */
    int compilations() {
        return engine.queryCompilations();
    }

    private Rows run(String epl, Map<String, Object> params, int maxRows) {
        var runtime = engine.runtime();
        EPCompiled c = engine.compiledQuery(epl);
        var service = runtime.getFireAndForgetService();
        EventBean[] beans;
        if (params.isEmpty()) {
            beans = service.executeQuery(c).getArray();
        } else {
            EPFireAndForgetPreparedQueryParameterized q = service.prepareQueryWithParameters(c);
            params.forEach(q::setObject);
            beans = service.executeQuery(q).getArray();
        }
        List<Map<String, Object>> rows = new ArrayList<>(Math.min(beans.length, maxRows));
        for (int i = 0; i < beans.length && i < maxRows; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String name : beans[i].getEventType().getPropertyNames()) {
                row.put(name, beans[i].get(name));
            }
            rows.add(row);
        }
        return new Rows(engine.currentTime(), rows);
    }
}
