package io.quietwatch.alert.sink.http;

import io.quietwatch.alert.AlertIds;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertTextTest {
    @Test
    void oneLineRemovesLineBreaksAndControls() {
        assertThat(AlertText.oneLine("a\r\nX-Evil: 1\u0000\u2028b\t c", 100)).isEqualTo("a X-Evil: 1 b c");
        assertThat(AlertText.oneLine("  padded  ", 100)).isEqualTo("padded");
        assertThat(AlertText.oneLine("abcdef", 4)).isEqualTo("abc" + AlertText.ELLIPSIS);
        assertThat(AlertText.oneLine(null, 4)).isEmpty();
    }

    @Test
    void visibleShowsControlsInsteadOfActingOnThem() {
        assertThat(AlertText.visible("a\r\nb\u001b[31m", 100)).isEqualTo("a\\x0d\nb\\x1b[31m");
        assertThat(AlertText.visibleLine("a\r\nb", 100)).isEqualTo("a\\x0d\\x0ab");
        assertThat(AlertText.visible("plain", 100)).isSameAs("plain");
    }

    @Test
    void cutKeepsSurrogatePairsWhole() {
        String s = "ab\uD83D\uDE00cd";
        assertThat(AlertText.cut(s, 4)).isEqualTo("ab" + AlertText.ELLIPSIS);
    }

    @Test
    void alertRefKeepsSafeIdsAndHashesOthers() {
        String id = AlertIds.of("d", "k");
        assertThat(AlertRef.of(id)).isEqualTo(id);
        String odd = AlertRef.of("id with spaces\r\nX: 1");
        assertThat(odd).matches("x[0-9a-f]{32}").isEqualTo(AlertRef.of("id with spaces\r\nX: 1"));
        assertThat(AlertRef.of("x".repeat(65))).matches("x[0-9a-f]{32}");
    }

    @Test
    void headerChecks() {
        assertThat(HeaderValues.valueProblem("ok value\twith tab")).isNull();
        assertThat(HeaderValues.valueProblem("a\nb")).isEqualTo("contains a line break");
        assertThat(HeaderValues.valueProblem("a\u007fb")).isEqualTo("contains a control character");
        assertThat(HeaderValues.nameProblem("X-Team")).isNull();
        assertThat(HeaderValues.nameProblem("Content-Length")).contains("cannot be configured");
        assertThat(HeaderValues.nameProblem("host")).contains("cannot be configured");
        assertThat(HeaderValues.nameProblem("X:Y")).contains("is not a header name");
    }

    @Test
    void urlChecksAndDisplay() {
        assertThat(HttpUrls.problem("url", "https://hooks.example.com/T1/B2/secret")).isNull();
        assertThat(HttpUrls.problem("url", null)).isEqualTo("url: is required");
        assertThat(HttpUrls.problem("url", "ftp://x/")).isEqualTo("url: must start with https:// or http://");
        assertThat(HttpUrls.problem("url", "https://user:pw@x/")).contains("must not contain a user name");
        assertThat(HttpUrls.problem("url", "https:///path")).isEqualTo("url: has no host name");
        assertThat(HttpUrls.problem("url", "https://x/a b")).startsWith("url: 'https://x/a b' is not a URL");
        assertThat(HttpUrls.display("https://hooks.example.com/T1/B2/secret")).isEqualTo("https://hooks.example.com/" + AlertText.ELLIPSIS);
        assertThat(HttpUrls.display("http://127.0.0.1:8080")).isEqualTo("http://127.0.0.1:8080");
        assertThat(HttpUrls.join("https://jira.example.com/jira//", "/rest/api/2/issue"))
                .hasToString("https://jira.example.com/jira/rest/api/2/issue");
    }
}
