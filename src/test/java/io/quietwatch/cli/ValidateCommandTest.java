package io.quietwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} on a folder of deliberately broken rule files and a broken list: every problem at
 * once, each at the line and column of the offending token in its own file, and exit 2.
 */
class ValidateCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsEveryProblemAtItsExactPosition() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Path lists = Files.createDirectories(dir.resolve("lists"));
        Path config = Files.writeString(dir.resolve("q.yaml"), "lists_dir: " + lists + "\n");
        Files.writeString(rules.resolve("a-syntax.epl"), """
                // a comment
                create variable int a_limit = 3;

                select * from LogEvent
                  whre destinationPort = 1;
                """);
        Files.writeString(rules.resolve("b-property.epl"), """
                // the second statement names a field LogEvent lacks
                create variable int b_limit = 3;

                @Name('b')
                select hostIp, destinationPorts
                from LogEvent(direction = 'outbound');
                """);
        Files.writeString(rules.resolve("c-type.epl"), """
                create variable int c_limit = 3;
                select * from NoSuchEvent;
                """);
        Files.writeString(rules.resolve("d-good.epl"), "select count(*) from LogEvent(destinationPort = 22);\n");
        Files.writeString(lists.resolve("x.csv"), """
                value,expires,comment
                10.0.0.1,2026-13-45,bad date
                10.0.0.0/33,,bad prefix
                """);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(new PrintWriter(out), new PrintWriter(err),
                "validate", "--config", config.toString(), "--rules", rules.toString());

        assertThat(status).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines().toList()).satisfiesExactly(
                l -> assertThat(l).startsWith(lists.resolve("x.csv") + ":2:10: expiry '2026-13-45' is not a date"),
                l -> assertThat(l).startsWith(lists.resolve("x.csv") + ":3:1: '10.0.0.0/33'"),
                l -> assertThat(l).startsWith(rules.resolve("a-syntax.epl") + ":5:8: Incorrect syntax near 'destinationPort', please check the from clause"),
                l -> assertThat(l).startsWith(rules.resolve("b-property.epl") + ":5:16: ")
                        .contains("'destinationPorts'").contains("did you mean 'destinationPort'"),
                l -> assertThat(l).startsWith(rules.resolve("c-type.epl") + ":2:15: ").contains("'NoSuchEvent'"),
                l -> assertThat(l).isEqualTo("5 problems"));
    }
}
