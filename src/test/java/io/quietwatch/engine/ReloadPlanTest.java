package io.quietwatch.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which files a reload undeploys and deploys, from versions and dependencies alone. */
class ReloadPlanTest {
    private static ReloadPlan.Version v(String file, String hash) {
        return new ReloadPlan.Version(file, hash);
    }

    @Test
    void nothingChangedMeansNothingToDo() {
        List<ReloadPlan.Version> files = List.of(v("a", "1"), v("b", "2"));
        ReloadPlan plan = ReloadPlan.of(files, Map.of(), files);
        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.added()).isEmpty();
        assertThat(plan.changed()).isEmpty();
        assertThat(plan.removed()).isEmpty();
    }

    @Test
    void onlyTheChangedFileIsRedeployed() {
        ReloadPlan plan = ReloadPlan.of(List.of(v("a", "1"), v("b", "2"), v("c", "3")), Map.of(),
                List.of(v("a", "1"), v("b", "2x"), v("c", "3")));
        assertThat(plan.changed()).containsExactly("b");
        assertThat(plan.undeploy()).containsExactly("b");
        assertThat(plan.deploy()).containsExactly("b");
    }

    @Test
    void addedFilesAreDeployedAndRemovedOnesUndeployed() {
        ReloadPlan plan = ReloadPlan.of(List.of(v("a", "1"), v("b", "2")), Map.of(), List.of(v("a", "1"), v("c", "3")));
        assertThat(plan.added()).containsExactly("c");
        assertThat(plan.removed()).containsExactly("b");
        assertThat(plan.undeploy()).containsExactly("b");
        assertThat(plan.deploy()).containsExactly("c");
    }

    @Test
    void dependentsAreUndeployedFirstAndRedeployedAfter() {
        // base provides a table to mid, mid provides one to top; other stands alone
        List<ReloadPlan.Version> running = List.of(v("base", "1"), v("other", "9"), v("mid", "2"), v("top", "3"));
        Map<String, Set<String>> consumers = Map.of("base", Set.of("mid"), "mid", Set.of("top"));
        ReloadPlan plan = ReloadPlan.of(running, consumers,
                List.of(v("base", "1x"), v("other", "9"), v("mid", "2"), v("top", "3")));
        assertThat(plan.changed()).containsExactly("base");
        assertThat(plan.undeploy()).containsExactly("top", "mid", "base");
        assertThat(plan.deploy()).containsExactly("base", "mid", "top");
    }

    @Test
    void aChangedDependentDoesNotDragInWhatItUses() {
        List<ReloadPlan.Version> running = List.of(v("base", "1"), v("mid", "2"));
        ReloadPlan plan = ReloadPlan.of(running, Map.of("base", Set.of("mid")), List.of(v("base", "1"), v("mid", "2x")));
        assertThat(plan.undeploy()).containsExactly("mid");
        assertThat(plan.deploy()).containsExactly("mid");
    }

    @Test
    void removingAProviderRedeploysItsConsumersFromTheNewOrder() {
        List<ReloadPlan.Version> running = List.of(v("base", "1"), v("mid", "2"));
        ReloadPlan plan = ReloadPlan.of(running, Map.of("base", Set.of("mid")), List.of(v("mid", "2")));
        assertThat(plan.removed()).containsExactly("base");
        assertThat(plan.undeploy()).containsExactly("mid", "base");
        assertThat(plan.deploy()).containsExactly("mid");
    }

    @Test
    void consumersThatAreNotRunningAreIgnored() {
        ReloadPlan plan = ReloadPlan.of(List.of(v("a", "1")), Map.of("a", Set.of("ghost")), List.of(v("a", "2")));
        assertThat(plan.undeploy()).containsExactly("a");
        assertThat(plan.deploy()).containsExactly("a");
    }
}
