package io.quietwatch.engine.nat;

import com.espertech.esper.common.client.EPCompiled;
import com.espertech.esper.common.client.configuration.Configuration;
import com.espertech.esper.compiler.client.CompilerArguments;
import com.espertech.esper.compiler.client.EPCompileException;
import com.espertech.esper.compiler.client.EPCompilerProvider;
import com.espertech.esper.runtime.client.EPDeployException;
import com.espertech.esper.runtime.client.EPRuntime;
import com.espertech.esper.runtime.client.EPRuntimeProvider;
import com.espertech.esper.runtime.client.EPStatement;
import io.quietwatch.engine.RuleEngine;
import io.quietwatch.event.InternalNetworks;
import io.quietwatch.event.LogEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ipIdSequences} and {@code ipSubnet} as registered in the engine's configuration, in real statements. */
class IpIdSequencesAggregationTest {
    private static final InternalNetworks NETS = InternalNetworks.defaults();
    private static final long T0 = 1_800_000_000_000L;

    private final Configuration configuration = RuleEngine.configuration();
    private final EPRuntime runtime = EPRuntimeProvider.getRuntime("ipid-" + UUID.randomUUID(), configuration);
    private final Map<String, Object> latest = new HashMap<>();

    @AfterEach
    void destroy() {
        runtime.destroy();
    }

    private EPStatement deploy(String epl) throws EPCompileException, EPDeployException {
        CompilerArguments args = new CompilerArguments(configuration);
        args.getPath().add(runtime.getRuntimePath());
        EPCompiled compiled = EPCompilerProvider.getCompiler().compile(epl, args);
        EPStatement[] statements = runtime.getDeploymentService().deploy(compiled).getStatements();
        EPStatement last = statements[statements.length - 1];
        last.addListener((in, old, st, rt) -> {
            if (in != null) {
                latest.put((String) in[in.length - 1].get("host"), in[in.length - 1].get("n"));
            }
        });
        return last;
    }

    private void send(long t, String host, String destination, int id) {
        runtime.getEventService().advanceTime(t);
        runtime.getEventService().sendEventBean(LogEvent.builder().timestamp(t).transport("tcp").sourceIp(host)
                .sourcePort(40000).destinationIp(destination).destinationPort(443).ipTtl(127).ipId(id).build(NETS), "LogEvent");
    }

    /** Two hosts behind 10.0.0.1 and one host at 10.0.0.2, each a sequential counter to rotating destinations. */
    private void traffic() {
        int[] ids = {100, 30_000, 50_000};
        String[] behind = {"10.0.0.1", "10.0.0.1", "10.0.0.2"};
        for (int i = 0; i < 60; i++) {
            int h = i % 3;
            ids[h] += 1 + i % 4;
            send(T0 + i * 1000L, behind[h], "198.51.100." + (i % 5 + 1), ids[h]);
        }
    }

    @Test
    void groupedByHostItCountsTheSequencesOfEach() throws Exception {
        deploy("select hostIp as host, ipIdSequences(ipId, timestamp, remoteIp) as n from LogEvent group by hostIp");
        traffic();
        assertThat(latest).containsEntry("10.0.0.1", 2).containsEntry("10.0.0.2", 1);
    }

    @Test
    void twoArgumentsTreatEverySequenceAsAHost() throws Exception {
        deploy("select hostIp as host, ipIdSequences(ipId, timestamp) as n from LogEvent group by hostIp");
        traffic();
        assertThat(latest).containsEntry("10.0.0.1", 2).containsEntry("10.0.0.2", 1);
    }

    @Test
    void inATableWithSettingsFromVariables() throws Exception {
        deploy("create variable int min_len = 5;\n"
                + "create table T (host string primary key, n ipIdSequences(int, long, string, int, long, int));\n"
                + "into table T select ipIdSequences(ipId, timestamp, remoteIp, 512, 600, min_len) as n from LogEvent group by hostIp;\n"
                + "select hostIp as host, T[hostIp].n as n from LogEvent");
        traffic();
        assertThat(latest).containsEntry("10.0.0.1", 2).containsEntry("10.0.0.2", 1);
        // with a minimum length no sequence reaches, nothing counts
        runtime.getVariableService().setVariableValue(runtime.getDeploymentService().getDeployments()[0], "min_len", 1000);
        send(T0 + 61_000, "10.0.0.1", "198.51.100.1", 30_500);
        assertThat(latest).containsEntry("10.0.0.1", 0);
    }

    @Test
    void nullIdsAreSkipped() throws Exception {
        deploy("select hostIp as host, ipIdSequences(ipId, timestamp, remoteIp) as n from LogEvent group by hostIp");
        runtime.getEventService().advanceTime(T0);
        runtime.getEventService().sendEventBean(LogEvent.builder().timestamp(T0).transport("tcp").sourceIp("10.0.0.3")
                .destinationIp("198.51.100.1").ipTtl(64).build(NETS), "LogEvent");
        assertThat(latest).containsEntry("10.0.0.3", 0);
    }

    @Test
    void valuesLeavingAWindowClearTheStateOnceAllHaveLeft() throws Exception {
        deploy("select hostIp as host, ipIdSequences(ipId, timestamp, remoteIp) as n from LogEvent#time(2 min) group by hostIp");
        traffic();
        assertThat(latest).containsEntry("10.0.0.1", 2);
        runtime.getEventService().advanceTime(T0 + 10 * 60_000L);
        send(T0 + 10 * 60_000L, "10.0.0.1", "198.51.100.1", 9);
        assertThat(latest).containsEntry("10.0.0.1", 0);
    }

    @Test
    void wrongArgumentsAreCompileErrors() {
        assertThatThrownBy(() -> deploy("select ipIdSequences(ipId) as n from LogEvent"))
                .hasMessageContaining("takes 2, 3 or 6 arguments, got 1");
        assertThatThrownBy(() -> deploy("select ipIdSequences(ipId, sourceIp) as n from LogEvent"))
                .hasMessageContaining("timestamp must be a whole number");
        assertThatThrownBy(() -> deploy("select ipIdSequences(ipId, timestamp, remoteIp, 'big', 600, 5) as n from LogEvent"))
                .hasMessageContaining("maxGap must be a whole number");
    }

    @Test
    void subnetFunction() throws Exception {
        deploy("select hostIp as host, ipSubnet(hostIp, 24, 64) as n from LogEvent");
        send(T0, "10.7.8.9", "198.51.100.1", 1);
        assertThat(latest).containsEntry("10.7.8.9", "10.7.8.0/24");
    }
}
