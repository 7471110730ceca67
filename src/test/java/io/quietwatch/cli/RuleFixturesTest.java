package io.quietwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs every shipped rule fixture under epl-rules/tests, as {@code bin/quietwatch test-rules} does. */
class RuleFixturesTest {
    private final ObjectMapper json = new ObjectMapper();

    @TestFactory
    List<DynamicTest> shippedFixtures() throws Exception {
        RuleFixtures fixtures = new RuleFixtures(Path.of("epl-rules"), "epl-rules");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path log : RuleFixtures.cases(Path.of("epl-rules/tests"))) {
            String name = log.getParent().getFileName() + "/" + log.getFileName();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                RuleFixtures.CaseResult r = fixtures.run(log);
                assertThat(r.passed()).as(String.join("\n", r.report())).isTrue();
            }));
        }
        assertThat(tests).as("rule fixtures").hasSizeGreaterThanOrEqualTo(7);
        return tests;
    }

    @Test
    void expectedObjectsAreSubsetsOfTheAlertsInOrder() throws Exception {
        JsonNode a = json.readTree("{\"detection\":\"x\",\"severity\":\"low\",\"host\":{\"ip\":\"10.0.0.1\"},\"count\":2}");
        JsonNode b = json.readTree("{\"detection\":\"y\",\"severity\":\"high\"}");
        List<String> report = new ArrayList<>();
        assertThat(RuleFixtures.compare(List.of(json.readTree("{\"host\":{\"ip\":\"10.0.0.1\"},\"count\":2.0}")), List.of(a), report)).isTrue();
        assertThat(RuleFixtures.compare(List.of(json.readTree("{\"host\":{\"ip\":\"10.0.0.2\"}}")), List.of(a), report)).isFalse();
        assertThat(RuleFixtures.compare(List.of(json.readTree("{\"detection\":\"y\"}"), json.readTree("{\"detection\":\"x\"}")),
                List.of(a, b), report)).isFalse();
        report.clear();
        assertThat(RuleFixtures.compare(List.of(), List.of(b), report)).isFalse();
        assertThat(report).first().isEqualTo("expected 0 alert(s), got 1");
    }
}
