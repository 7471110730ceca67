package io.quietwatch.parse;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extension scan led by an earlier line's layout stores exactly what the plain scan stores, whatever
 * the earlier line was, and says when the layout changed.
 */
class CefPairsTest {
    private static final String[] LINES = {
        "src=10.0.0.1 spt=5000 dst=198.51.100.9 dpt=443 act=close cs5=10 cs5Label=Policy Id in=1605 out=398",
        // the same keys, one missing
        "src=10.0.0.1 spt=5000 dst=198.51.100.9 act=close cs5=10 cs5Label=Policy Id in=1605 out=398",
        // one more key in the middle, one unknown key at the end
        "src=10.0.0.1 spt=5000 dst=198.51.100.9 dpt=443 proto=6 act=close cs5=10 cs5Label=Policy Id in=1605 "
            + "out=398 FTNTFGTvd=root",
        // the same keys in another order
        "dst=198.51.100.9 src=10.0.0.1 dpt=443 spt=5000 act=close in=1605 out=398 cs5Label=Policy Id cs5=10",
        // values that hold '=', escaped or in a URL, and a value that ends in what looks like a key
        "src=10.0.0.1 request=http://h/a?b=c&d=e act=allow msg=x\\=y fname=a.exe in=5",
        "src=10.0.0.1 request=http://h/a?act=c act=allow msg=x dpt=4 in=5",
        // another case of the same names, a tab before a key, a leading blank, an empty value
        " SRC=10.0.0.1\tSPT=5000 dst= dpt=443 Act=close",
        "src=10.0.0.1 spt=5000",
        "",
        "no pairs at all",
        "=starts with an equals src=10.0.0.1 dst==198.51.100.9",
        // the key the layout expects next, inside a value (" dst=" is a key boundary either way)
        "src=10.0.0.1 spt=5000 act=close dst=198.51.100.9 dpt=443",
    };

    private static CefFields plain(String line) {
        CefFields f = new CefFields(line, CefKeys.SIZE, true);
        CefPairs.scan(line, 0, line.length(), CefKeys.TABLE, f);
        return f;
    }

    private static List<String> values(CefFields f) {
        List<String> out = new ArrayList<>();
        for (int id = 0; id < CefKeys.SIZE; id++) {
            out.add(id + ":" + (f.has(id) ? f.from(id) + "-" + f.to(id) : "absent"));
        }
        return out;
    }

    @Test
    void ledByAnyEarlierLineTheScanStoresWhatThePlainScanStores() {
        for (String earlier : LINES) {
            KeyLayout layout = CefPairs.scan(earlier, 0, earlier.length(), CefKeys.TABLE,
                    new CefFields(earlier, CefKeys.SIZE, true), KeyLayout.EMPTY);
            for (String line : LINES) {
                CefFields led = new CefFields(line, CefKeys.SIZE, true);
                CefPairs.scan(line, 0, line.length(), CefKeys.TABLE, led, layout);
                assertThat(values(led)).as("%s after %s", line, earlier).isEqualTo(values(plain(line)));
            }
        }
        CefFields first = plain(LINES[0]);
        assertThat(first.text(CefKeys.SRC)).isEqualTo("10.0.0.1");
        assertThat(first.text(CefKeys.IN)).isEqualTo("1605");
        assertThat(plain(LINES[4]).text(CefKeys.REQUEST)).isEqualTo("http://h/a?b=c&d=e");
    }

    @Test
    void theLayoutIsKeptWhileLinesFollowItAndLearntAgainWhenTheyLeaveIt() {
        KeyLayout first = scan(LINES[0], KeyLayout.EMPTY);
        assertThat(keys(first)).containsExactly("src", "spt", "dst", "dpt", "act", "cs5", "cs5Label", "in", "out");
        assertThat(first.id(0)).isEqualTo(CefKeys.SRC);

        assertThat(scan(LINES[0], first)).as("the same keys").isSameAs(first);
        assertThat(scan("src=10.0.0.1 spt=5000 dst=198.51.100.9", first)).as("a line ending early").isSameAs(first);

        KeyLayout missing = learn(LINES[1], first);
        assertThat(keys(missing)).containsExactly("src", "spt", "dst", "act", "cs5", "cs5Label", "in", "out");
        KeyLayout extra = learn(LINES[2], first);
        assertThat(keys(extra)).endsWith("in", "out", "FTNTFGTvd");
        assertThat(extra.id(extra.size() - 1)).isEqualTo(CefKeyTable.UNKNOWN);
        assertThat(keys(learn(LINES[6], first))).as("spelt as the line spells them")
                .containsExactly("SRC", "SPT", "dst", "dpt", "Act");

        assertThat(scan(LINES[0], null)).as("nothing learnt without a layout").isNull();
    }

    @Test
    void oneLineInEightThatLeavesTheLayoutTeachesItsOwn() {
        KeyLayout layout = scan(LINES[0], KeyLayout.EMPTY);
        for (int i = 1; i < KeyLayout.LEARN_EVERY; i++) {
            assertThat(scan(LINES[1], layout)).as("leaver %d", i).isSameAs(layout);
            assertThat(scan(LINES[0], layout)).as("a line that follows is no leaver").isSameAs(layout);
        }
        KeyLayout learnt = scan(LINES[1], layout);
        assertThat(keys(learnt)).isEqualTo(keys(scan(LINES[1], KeyLayout.EMPTY)));
        assertThat(scan(LINES[1], learnt)).isSameAs(learnt);
    }

    @Test
    void aLineWithMoreKeysThanKeptFollowsTheFullLayoutWithoutLearningItAgain() {
        StringBuilder line = new StringBuilder("src=10.0.0.1");
        for (int i = 0; i < KeyLayout.MAX_KEYS + 10; i++) {
            line.append(" k").append(i).append("=v").append(i);
        }
        line.append(" dpt=443");
        String s = line.toString();
        KeyLayout full = scan(s, KeyLayout.EMPTY);
        assertThat(full.size()).isEqualTo(KeyLayout.MAX_KEYS);
        assertThat(full.full()).isTrue();
        assertThat(scan(s, full)).isSameAs(full);
        CefFields f = new CefFields(s, CefKeys.SIZE, true);
        CefPairs.scan(s, 0, s.length(), CefKeys.TABLE, f, full);
        assertThat(f.text(CefKeys.DPT)).isEqualTo("443");
        assertThat(values(f)).isEqualTo(values(plain(s)));

        // leaving a full layout early is still learnt, up to the cap
        String changed = s.replace(" k3=", " x3=");
        KeyLayout relearnt = learn(changed, full);
        assertThat(relearnt).isNotSameAs(full);
        assertThat(relearnt.size()).isEqualTo(KeyLayout.MAX_KEYS);
        assertThat(relearnt.key(4)).isEqualTo("x3");
    }

    private static KeyLayout scan(String line, KeyLayout layout) {
        return CefPairs.scan(line, 0, line.length(), CefKeys.TABLE, new CefFields(line, CefKeys.SIZE, true), layout);
    }

    /** The layout {@code line} teaches when it leaves {@code layout}: after as many leavers as it takes. */
    private static KeyLayout learn(String line, KeyLayout layout) {
        for (int i = 1; i < KeyLayout.LEARN_EVERY; i++) {
            assertThat(scan(line, layout)).isSameAs(layout);
        }
        KeyLayout learnt = scan(line, layout);
        assertThat(learnt).isNotSameAs(layout);
        return learnt;
    }

    private static List<String> keys(KeyLayout layout) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < layout.size(); i++) {
            out.add(layout.key(i));
        }
        return out;
    }
}
